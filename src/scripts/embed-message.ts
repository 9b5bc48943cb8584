/**
 * The height message an embed frame (embed-child.ts) sends its host page (embed-this.ts's preview): its own module, so
 * the host page's script does not pull in the frame's code for one string (EmbedThis.astro hands it to that script in
 * a data attribute, so neither page loads a shared chunk for it).
 */
export const HEIGHT_MESSAGE_TYPE = 'opsi-embed:height';
