import { CommandIds } from '../commandIds';

/** The commands a hover card or tree item may run: ours, and revealing an annotation. */
export const ENTITY_LINK_COMMANDS: readonly string[] = [
  CommandIds.openEntityMention,
  CommandIds.findEntityMentions,
  CommandIds.editEntity,
  CommandIds.addEntityAlias,
  CommandIds.addSelectionAsEntity,
  CommandIds.revealAnnotation,
];

/** Arguments of openEntityMention: a document and either a line/column range or normalised offsets. */
export type MentionTarget = [uri: string, startLine: number, startCharacter: number, endLine: number, endCharacter: number] | [uri: string, offsets: { start: number; end: number }];
