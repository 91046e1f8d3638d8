// Side-by-side peer for `make bench`: chrono-node parses every article's text
// with the article date as reference. Reads the JSON Lines corpus given as
// argv[3] with chrono-node installed under argv[2]; prints the count of
// parsed date expressions (so the work cannot be optimised away).
"use strict";
const fs = require("fs");
const path = require("path");
const chrono = require(path.join(process.argv[2], "node_modules", "chrono-node"));

const lines = fs.readFileSync(process.argv[3], "utf8").split("\n");
let found = 0;
let articles = 0;
for (const line of lines) {
  if (!line) continue;
  const record = JSON.parse(line);
  const reference = new Date(record.published + "T12:00:00Z");
  found += chrono.parse(record.text, reference).length;
  articles += 1;
}
console.log(`chrono-node: ${articles} articles, ${found} date expressions`);
