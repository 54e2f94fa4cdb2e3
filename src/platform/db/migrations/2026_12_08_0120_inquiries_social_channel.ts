import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// A private message on a social network is logged as an inquiry of channel `social`: the agent
// records the network and the sender's name there, to find the conversation again and paste the
// answer back. Two columns of the inquiry (one per inquiry, read with it), empty for other channels.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inquiry').addColumn('social_platform', 'text').execute();
  await db.schema.alterTable('inquiry').addColumn('social_handle', 'text').execute();
}
