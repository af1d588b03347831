/**
 * What the engine says in its results, as data: a stable code, its parameters, and the English text
 * made from them by the code's template. The presenter (app/reports/messages.ts) renders a message
 * from its code and parameters for the web, the PDF and, later, other languages; the text beside them
 * serves the JSON output and results stored before messages had codes.
 */

/** Parameters of a message: what its text says, as strings (exact decimals, names, dates) and integers. */
export type MessageParams = { readonly [name: string]: string | number };

/** The parameters of a message whose text has none. */
export type NoParams = Record<string, never>;

/** One template per code: parameters in, English text out. */
export type MessageTemplates = { readonly [code: string]: (params: never) => string };

/** The parameters a template of `templates` takes for `code`. */
export type ParamsOf<Templates extends MessageTemplates, Code extends keyof Templates> = Parameters<Templates[Code]>[0];

/** A message with a code of `Templates`, its parameters and its English text. */
export type MessageOf<Templates extends MessageTemplates> = {
  [Code in keyof Templates & string]: { code: Code; params: ParamsOf<Templates, Code>; message: string };
}[keyof Templates & string];

/** A message without its text: the code and parameters a result keeps beside a text it holds elsewhere. */
export type CodeAndParams<Message> = Message extends { message: string } ? Omit<Message, "message"> : never;

/** `code` with `params`, and the English text its template makes of them. */
export function createMessage<Templates extends MessageTemplates, Code extends keyof Templates & string>(
  templates: Templates,
  code: Code,
  params: ParamsOf<Templates, Code>,
): { code: Code; params: ParamsOf<Templates, Code>; message: string } {
  return { code, params, message: (templates[code] as (params: ParamsOf<Templates, Code>) => string)(params) };
}
