// Renders CSL-JSON items with citeproc-js: the bibliography entries and, for each
// citation-items list given, the in-text citation, as plain text, one JSON object out.
// Usage: node render.js STYLE.csl LOCALE_DIR < {"items": [...], "citations": [[{id, locator, label}], ...]}
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const [stylePath, localeDir] = process.argv.slice(2);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const byId = Object.fromEntries(input.items.map((item) => [item.id, item]));
const sys = {
  retrieveItem: (id) => byId[id],
  retrieveLocale: (lang) => {
    const file = path.join(localeDir, `locales-${lang}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
};
const engine = new CSL.Engine(sys, fs.readFileSync(stylePath, "utf8"), input.lang || "en-US");
engine.setOutputFormat("text");
engine.updateItems(input.items.map((item) => item.id));
const citations = (input.citations || []).map((citationItems, index) => {
  const citation = { citationItems, properties: { noteIndex: index + 1 } };
  return engine.previewCitationCluster(citation, [], [], "text");
});
const [params, entries] = engine.makeBibliography();
const byEntry = Object.fromEntries(params.entry_ids.map((ids, index) => [ids[0], entries[index].trim()]));
process.stdout.write(JSON.stringify({ entries: byEntry, citations }));
