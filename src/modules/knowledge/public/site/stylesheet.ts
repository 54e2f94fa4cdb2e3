import { shortHash } from '../../../../platform/http/conditional.js';

// The public pages' only style: system fonts, no script, no framework, about 3 kB. Colours pass
// WCAG AA (the blue is the web app's shade 7, ≈ 7:1 on white); the focus ring is always visible.
const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1f24;background:#fff}
.wrap{max-width:48rem;margin:0 auto;padding:0 1rem}
a{color:#22559f;text-underline-offset:.15em}
a:hover{color:#123a70}
:focus-visible{outline:3px solid #123a70;outline-offset:2px}
main:focus{outline:none}
.skip-link{position:absolute;left:1rem;top:-10rem;background:#fff;padding:.5rem 1rem;border:2px solid #123a70;z-index:1}
.skip-link:focus{top:.5rem}
.site-header{border-bottom:4px solid #22559f;margin-bottom:1.5rem}
.header-row{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;padding-top:.75rem;padding-bottom:.75rem}
.site-name{font-weight:700;font-size:1.25rem;color:#123a70;text-decoration:none}
.site-name:hover{text-decoration:underline}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .75rem}
h3{font-size:1.1rem;margin:1.25rem 0 .25rem}
.lead{font-size:1.125rem}
.search{background:#eaf1fb;border-radius:.5rem;padding:1rem;margin:1rem 0 1.5rem}
.search label{display:block;font-weight:600}
.help{margin:.1rem 0 .5rem;color:#3d4650;font-size:.95rem}
.search-row{display:flex;flex-wrap:wrap;gap:.5rem}
input,button{font:inherit}
input[type=search],input[type=date]{flex:1 1 16rem;min-width:0;padding:.5rem .65rem;border:2px solid #5a6470;border-radius:.35rem;background:#fff;color:inherit}
button{padding:.5rem 1.1rem;border:2px solid #22559f;border-radius:.35rem;background:#22559f;color:#fff;font-weight:600;cursor:pointer}
button:hover{background:#123a70;border-color:#123a70}
details{margin:.5rem 0}
summary{cursor:pointer;color:#22559f}
.date-row{margin-top:.5rem}
.date-row input{flex:0 1 12rem}
ul.questions,ol.results,ol.chain{padding-left:1.25rem}
ul.questions li,ol.results>li{margin:.4rem 0}
ol.results{list-style:none;padding:0}
ol.results>li{border-bottom:1px solid #d5dbe2;padding:.5rem 0 .75rem}
.excerpt{margin:.25rem 0}
.meta,.ref,.period{color:#3d4650;font-size:.95rem}
.meta{margin:.25rem 0 0}
.theme-index{columns:2 16rem;padding-left:1.25rem}
mark{background:#fde68a;color:inherit;padding:0 .1em}
.notice{border-left:5px solid #22559f;background:#eaf1fb;padding:.75rem 1rem;margin:1rem 0;border-radius:0 .35rem .35rem 0}
.notice p{margin:.25rem 0}
.notice.warning{border-left-color:#a14400;background:#fff4e5}
.badge{display:inline-block;border:1px solid #a14400;color:#7a3300;border-radius:1rem;padding:0 .5rem;font-size:.85rem;margin-left:.25rem}
.answer{margin:1rem 0 1.5rem}
.answer table{border-collapse:collapse}
.answer td,.answer th{border:1px solid #c3cbd4;padding:.25rem .5rem}
dl.about{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.35rem 1rem;margin:0}
dl.about dt{font-weight:600}
dl.about dd{margin:0;white-space:pre-line}
dl.about ul{margin:0;padding-left:1.1rem}
.breadcrumb{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem .5rem;font-size:.95rem}
.breadcrumb li+li::before{content:"›";margin-right:.5rem;color:#3d4650}
.other-language{margin-top:2rem}
.site-footer{margin-top:3rem;border-top:1px solid #d5dbe2;padding:1rem 0 2rem;color:#3d4650;font-size:.95rem}
.ask{margin-top:2.5rem}
.ask-form .field{margin:0 0 1.1rem;padding:0;border:0}
.ask-form label,.ask-form legend{display:block;font-weight:600}
.ask-form label.choice{display:inline-block;font-weight:400;margin-right:1.5rem}
.ask-form .required{font-weight:400;color:#3d4650}
.ask-form input[type=text],.ask-form input[type=email],.ask-form input[type=tel],.ask-form select,.ask-form textarea{display:block;width:100%;max-width:36rem;font:inherit;padding:.5rem .65rem;border:2px solid #5a6470;border-radius:.35rem;background:#fff;color:inherit}
.ask-form textarea{max-width:none;resize:vertical}
.ask-form .has-error input,.ask-form .has-error select,.ask-form .has-error textarea{border-color:#a3211f}
.field-error{color:#a3211f;font-weight:600;margin:.1rem 0 .35rem}
.ask-form fieldset.identify{border:1px solid #d5dbe2;border-radius:.5rem;padding:1rem;margin:1.5rem 0}
.ask-form fieldset.identify legend{padding:0 .35rem}
.error-summary ul{margin:.25rem 0;padding-left:1.25rem}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.suggestions{background:#eaf1fb;border-radius:.5rem;padding:.25rem 1rem 1rem;margin:0 0 1.5rem}
.suggestions h2{margin-top:.75rem}
.suggestion-list{list-style:none;padding:0;margin:0}
.suggestion{border-top:1px solid #c3cbd4;padding:.5rem 0}
.suggestion .asked p{margin:.25rem 0}
.suggestion .asked button{margin-right:.5rem}
.new-tab{font-size:.85rem;font-weight:400}
button.secondary{background:#fff;color:#22559f}
button.secondary:hover{background:#eaf1fb;color:#123a70}
.sent-ref{font-size:1.25rem}
@media (max-width:30rem){h1{font-size:1.45rem}h2{font-size:1.2rem}}
@media (prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}
@media print{.search,.site-header nav,.skip-link,.ask{display:none}}
`.trim();

export const STYLESHEET = `${CSS}\n`;
/** The stylesheet's name carries a digest of its content: cached for a year, replaced on change. */
export const STYLESHEET_FILE = `faq.${shortHash(STYLESHEET).slice(0, 10)}.css`;
export const STYLESHEET_PATH = `/faq/assets/${STYLESHEET_FILE}`;
