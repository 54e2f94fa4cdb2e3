// Placeholder for suite-wide setup (the browser tests build the web app here).
export default async function setup(): Promise<void> {}
