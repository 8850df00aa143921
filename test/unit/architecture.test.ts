import { describe, expect, it } from 'vitest';
import { cyclesOf, importGraph, resolveImport, sourceFiles, specifiersOf } from '../support/source-imports';

const CLIENT_LAYERS = ['kiosk', 'display', 'operator-panel', 'printer', 'common'];
const SOURCE = [...CLIENT_LAYERS, 'server', 'db', 'bench'];

describe('layers point one way', () => {
  it('no file of the web apps, the print agent or common/ imports from server/', () => {
    const graph = importGraph(sourceFiles(CLIENT_LAYERS));
    const intoServer = [...graph].flatMap(([file, targets]) =>
      targets.filter((t) => t.startsWith('server/')).map((t) => `${file} → ${t}`),
    );
    expect(intoServer).toEqual([]);
  });

  it('the scanner sees every form of import: static, type-only, re-export, side effect and dynamic', () => {
    const text = [
      "import { a } from './a';",
      "import type {\n  B,\n  C,\n} from './b';",
      "export { d } from './d';",
      "export * from './e';",
      "import './f';",
      "const g = await import('./g');",
      "// import { h } from './h';",
      "/* import './i'; */",
      "const url = 'http://example.org/x';",
    ].join('\n');
    expect(specifiersOf(text)).toEqual(['./a', './b', './d', './e', './f', './g']);
  });

  it('the scanner resolves a folder import to its index file', () => {
    expect(resolveImport('server/app.ts', '../common/protocol')).toBe('common/protocol/index.ts');
  });
});

describe('the staff app is grouped by view', () => {
  const PANEL = 'operator-panel/src/';
  const folderOf = (file: string) => file.slice(PANEL.length).split('/')[0] as string;

  // The regional view is analytics across offices: it shows the analytics view's tables, figures and filters
  // rather than copies of them.
  const ALSO_ALLOWED: Record<string, readonly string[]> = { region: ['analytics'] };

  it('a view imports from its own folder and shared/ only (the region also from analytics), shared/ from itself only', () => {
    const views = ['booth', 'consultant', 'analytics', 'admin', 'region', 'shared'].map((v) => `${PANEL}${v}`);
    const graph = importGraph(sourceFiles(views));
    const across = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((t) => t.startsWith(PANEL) && folderOf(t) !== folderOf(file) && folderOf(t) !== 'shared')
        .filter((t) => !(ALSO_ALLOWED[folderOf(file)] ?? []).includes(folderOf(t)))
        .map((t) => `${file} → ${t}`),
    );
    expect(across).toEqual([]);
  });
});

describe('our source files import each other without cycles', () => {
  it('no file reaches itself through its imports', () => {
    expect(cyclesOf(importGraph(sourceFiles(SOURCE)))).toEqual([]);
  });
});
