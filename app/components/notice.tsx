/** A confirmation after a change ("Saved.", "Invited."), announced politely; nothing when there is no text. */
export function Notice({ text }: { text: string | null }) {
  return text ? (
    <p className="notice" role="status">
      {text}
    </p>
  ) : null;
}
