// Builds DOM elements in code: el("td", { class: "num" }, "6,265"). Text is always set as text,
// never parsed as HTML, so names from the API cannot inject markup.

/** A child: a node, text, nothing (skipped), or a list of children at any depth. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Handlers = Partial<{
  [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => unknown;
}>;

type AttributeValue = string | number | boolean | null | undefined;

/** Attributes by name (null, undefined and false leave one out; true sets it empty) and `on` handlers. */
export interface Attributes {
  on?: Handlers;
  [name: string]: AttributeValue | Handlers;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "on" || value === null || value === undefined || value === false) continue;
    if (typeof value === "object") continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [type, handler] of Object.entries(attributes.on ?? {})) {
    element.addEventListener(type, handler as EventListener);
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Empties a container and fills it again. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
