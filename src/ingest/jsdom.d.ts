/**
 * The small part of jsdom and the DOM that ingest uses. The project compiles without the DOM lib
 * and jsdom ships no types, so these are declared here rather than pulling DOM globals into every file.
 */
declare module 'jsdom' {
  export interface DomNode {
    readonly nodeType: number;
    readonly nodeName: string;
    readonly textContent: string | null;
    readonly childNodes: ArrayLike<DomNode> & Iterable<DomNode>;
  }
  export interface DomElement extends DomNode {
    readonly tagName: string;
    getAttribute(name: string): string | null;
    hasAttribute(name: string): boolean;
    querySelector(selector: string): DomElement | null;
    querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
    remove(): void;
  }
  export interface DomDocument extends DomNode {
    readonly title: string;
    readonly documentElement: DomElement;
    querySelector(selector: string): DomElement | null;
    querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  }
  export interface DomWindow {
    readonly document: DomDocument;
    close(): void;
  }
  export interface ConstructorOptions {
    url?: string;
    contentType?: string;
  }
  export class JSDOM {
    constructor(html?: string | Uint8Array, options?: ConstructorOptions);
    readonly window: DomWindow;
  }
}
