// An item's text as paragraphs and bullet lists. Imported text keeps its line structure; a line
// that starts with "-", "•" or "o " is a bullet.

const BULLET = /^\s*(?:[-•–]|o(?=\s))\s*/;

export function ItemText({ text }: { text: string }) {
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
        if (lines.length > 0 && lines.every((l) => BULLET.test(l))) {
          return (
            <ul key={i} className="item-bullets">
              {lines.map((l, j) => <li key={j}>{l.replace(BULLET, '')}</li>)}
            </ul>
          );
        }
        return <p key={i}>{lines.join(' ')}</p>;
      })}
    </>
  );
}
