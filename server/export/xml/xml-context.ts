import type { RenderContext } from "../context.ts";

/**
 * What the XML writers share besides the render context: the hyperlink targets and the list
 * instances in the order the document first uses them, which is the order docx gives
 * relationship and numbering ids in.
 */
export class XmlParts {
  /** Hyperlink targets; the n-th (from 1) has relationship id `rIdL<n>`. */
  readonly links: string[] = [];
  /** List instances as [reference, instance]; the n-th (from 0) has numId n + 2. */
  readonly lists: [string, number][] = [];

  private deferred: string[] | undefined;

  link(href: string): string {
    if (this.deferred) {
      this.deferred.push(href);
      return `rIdZ${this.deferred.length}`;
    }
    this.links.push(href);
    return `rIdL${this.links.length}`;
  }

  /**
   * Writes XML whose links come later in the document than links written after it (the body
   * after the Sources list): they get their ids when `placeDeferred` puts them in order.
   */
  deferLinks(write: () => string): { xml: string; links: string[] } {
    this.deferred = [];
    const xml = write();
    const links = this.deferred;
    this.deferred = undefined;
    return { xml, links };
  }

  /** Gives deferred links the ids that follow every link written so far. */
  placeDeferred({ xml, links }: { xml: string; links: string[] }): string {
    if (links.length === 0) return xml;
    const base = this.links.length;
    this.links.push(...links);
    return xml.replace(/r:id="rIdZ(\d+)"/g, (_, n: string) => `r:id="rIdL${base + Number(n)}"`);
  }

  list(reference: string, instance: number): number {
    this.lists.push([reference, instance]);
    // numId 1 is docx's default bullet list.
    return this.lists.length + 1;
  }
}

export interface XmlContext extends RenderContext {
  parts: XmlParts;
}
