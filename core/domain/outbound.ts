/**
 * The channel-neutral form of what the assistant says: dialogs state WHAT to offer (a text, choices, a link, a
 * sign-in request, a document request) and each channel's renderer decides HOW, within that channel's limits
 * (Web Chat suggested actions, Teams cards, WhatsApp interactive messages). Pure types; imports nothing.
 */

/** A link the citizen may open: a page of the IESS or a download. */
export interface OutboundLink {
  readonly url: string;
  /** The button's label (channels may shorten it within their limits). */
  readonly label: string;
}

/** The sign-in request: a button that opens the single-use sign-in page of the bot. */
export interface OutboundSignIn extends OutboundLink {
  /** One sentence shown with the button on channels that have cards. */
  readonly cardText: string;
}

/** The citizen is asked to attach a document (a photo or PDF) in the chat. */
export interface OutboundDocumentRequest {
  /** Media types the intake accepts, e.g. image/jpeg, application/pdf. */
  readonly accept: readonly string[];
}

/** One message to the citizen, before any channel renders it. */
export interface OutboundMessage {
  /** Plain text; lines are separated by "\n". */
  readonly text: string;
  /** Quick replies, in order; choosing one sends its text back as the citizen's message. */
  readonly choices: readonly string[];
  readonly link?: OutboundLink;
  readonly signIn?: OutboundSignIn;
  readonly documentRequest?: OutboundDocumentRequest;
}
