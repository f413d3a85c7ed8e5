#!/usr/bin/env node
// Editor data from custom-elements.json, written into dist/ by `npm run build` and shipped:
// - dist/vscode.html-custom-data.json and dist/vscode.css-custom-data.json for VS Code
//   ("html.customData" / "css.customData" in a project's settings);
// - dist/web-types.json for JetBrains IDEs, found through package.json "web-types".
// The same generators Shoelace uses; they read attribute types literally, which is why the
// manifest lists literal unions rather than alias names (scripts/manifest.mjs).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { getVsCodeCssCustomData, getVsCodeHtmlCustomData } from 'custom-element-vs-code-integration';
import { getWebTypesData } from 'custom-element-jet-brains-integration';

const root = new URL('..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const readme = (tag) => ({ name: 'README', url: `https://www.npmjs.com/package/${pkg.name}#${tag ? 'the-tags' : ''}` });
const common = { hideLogs: true, descriptionSrc: 'description', exclude: ['SferumElement'] };

const outputs = {
  'vscode.html-custom-data.json': getVsCodeHtmlCustomData(manifest, { ...common, referencesTemplate: (name, tag) => [readme(tag)] }),
  'vscode.css-custom-data.json': getVsCodeCssCustomData(manifest, common),
  // `source` points each tag at the shipped module of its class (the manifest's custom-element-definition).
  'web-types.json': getWebTypesData(manifest, { ...common, packageJson: true, referenceTemplate: (name, tag) => readme(tag), modulePathTemplate: (name, path) => path }),
};
mkdirSync(join(root, 'dist'), { recursive: true });
for (const [file, text] of Object.entries(outputs)) {
  // The generators print their JSON compactly or not at all consistently: normalise.
  writeFileSync(join(root, 'dist', file), `${JSON.stringify(typeof text === 'string' ? JSON.parse(text) : text, null, 2)}\n`);
}
console.log(`dist/: ${Object.keys(outputs).join(', ')}`);
