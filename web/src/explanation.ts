/** Topic text at the person's level, served by the bot's own web server from content/topics. */
const cache = new Map<string, Promise<{ title: string; text: string } | undefined>>();

export function fetchTopic(slug: string, level: number): Promise<{ title: string; text: string } | undefined> {
  const key = `${slug}@${level}`;
  let found = cache.get(key);
  if (!found) {
    found = fetch(`/api/topics/${encodeURIComponent(slug)}?level=${level}`)
      .then((response) => (response.ok ? (response.json() as Promise<{ title: string; text: string }>) : undefined))
      .catch(() => undefined);
    cache.set(key, found);
  }
  return found;
}

/** Discord markdown as plain paragraphs: bold and italics marks dropped, links kept as their words. */
export function showTopic(target: HTMLElement, topic: { title: string; text: string } | undefined, level: number): void {
  target.replaceChildren();
  if (!topic) {
    target.textContent = 'The explanation could not be loaded.';
    return;
  }
  const heading = document.createElement('h3');
  heading.textContent = `${topic.title} (level ${level})`;
  target.append(heading);
  for (const block of topic.text.split(/\n\s*\n/)) {
    const paragraph = document.createElement('p');
    paragraph.textContent = block.replace(/\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').trim();
    if (paragraph.textContent) target.append(paragraph);
  }
}
