/** Text normalisation lives in the domain (core/domain/text.ts) so the store and the dialogs share it; the NLU re-exports it. */
export * from '../../core/domain/text';
