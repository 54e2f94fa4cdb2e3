// What a laid-out PDF is: pages of positioned operations, on A4 with these margins and columns.

export type FontName = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'mono';
export type Measure = (text: string, font: FontName, size: number) => number;

export type TextOp = {
  kind: 'text';
  x: number;
  /** Top of the line, from the top of the page. */
  y: number;
  text: string;
  font: FontName;
  size: number;
  color?: string;
  /** A web address the text opens. */
  link?: string;
};
export type RuleOp = { kind: 'rule'; x: number; y: number; width: number; color: string; thickness: number };
/** A named place (an entry, a theme) that links of the table of contents lead to. */
export type AnchorOp = { kind: 'anchor'; name: string; y: number };
/** An area (a line of the table of contents) that leads to a named place. */
export type GoToOp = { kind: 'goto'; x: number; y: number; width: number; height: number; name: string };
export type Op = TextOp | RuleOp | AnchorOp | GoToOp;

export type OutlineItem = { level: 0 | 1; title: string };

export type LaidOutPage = {
  ops: Op[];
  /** Bookmarks that start on this page (themes, then their entries). */
  outline: OutlineItem[];
  /** The theme printed at the top of a content page. */
  runningHead: string | null;
  /** Entries finished by the end of this page (progress while drawing). */
  entriesDone: number;
};

export type PdfLayout = {
  pages: LaidOutPage[];
  /** 1-based page number where each entry starts. */
  entryPages: Map<string, number>;
  themePages: Map<string, number>;
  tocPageCount: number;
};

/** A4 in points; margins leave room for the running head and the footer. */
export const PAGE = { width: 595.28, height: 841.89, marginX: 56, top: 62, bottom: 841.89 - 66 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
export const CONTENT_HEIGHT = PAGE.bottom - PAGE.top;
export const GUTTER = 20;
export const COLUMN_WIDTH = (CONTENT_WIDTH - GUTTER) / 2;
export const LIST_INDENT = 13;
export const GREY = '#555555';
export const RULE = '#b0b0b0';
