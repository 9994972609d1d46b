/* The dossier's search, as a web worker behind mkdocs-material's search box.

   It speaks the theme's worker protocol (the theme's own box, results list, keyboard use and
   accessibility stay as they are), but fetches nothing until a reader types a query, and
   then only the parts of the index the query needs: the manifest, the shard of each word
   (chosen by the word's first two characters, or first character if Chinese) and the blocks
   of results that matched. The index is built from the records by the dossier plugin
   (dossier_gen/publishing/search.py, which explains the files).

   Matching: every word of the query is looked for as a prefix and by its English stem
   (Porter's, as lunr.js has it), so "countries" finds "country" and "investigat" finds
   "investigation"; a run of Chinese characters is cut into the index's own words, as
   mkdocs-material cuts it. A result matches any of the words. A page the query names
   exactly (a person by any of their names, a page by its title) comes first; then results
   that match more of the words; then claims before people and organisations before
   sources; then by how strongly they match. Record text is escaped before the theme shows it as HTML. */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

var params = new URL(self.location.href).searchParams;
var INDEX = new URL(params.get("index") || "../search/", self.location.href);

var manifest = null;
var shards = new Map();
var blocks = new Map();
var stems = new Map();
var latest = 0;

function json(path) {
  var url = new URL(path, INDEX);
  if (manifest) url.searchParams.set("v", manifest.version);
  return fetch(url.href).then(function (response) {
    if (!response.ok) throw new Error(response.status + " " + url.href);
    return response.json();
  });
}

function loadManifest() {
  if (!manifest) {
    manifest = json("index.json").then(function (data) {
      data.stop = new Set(data.stop);
      manifest = data;
      return data;
    }, function (error) { manifest = null; throw error; });
  }
  return Promise.resolve(manifest);
}

function cached(map, key, load) {
  if (!map.has(key)) {
    map.set(key, load().catch(function (error) { map.delete(key); throw error; }));
  }
  return map.get(key);
}

/* --- words ----------------------------------------------------------------------------- */

var WORD = /[\p{L}\p{N}]+/gu;
var HAN_OR_NOT = /\p{sc=Han}+|[^\p{sc=Han}]+/gu;
var HAN = /^\p{sc=Han}/u;

function isHan(text) { return HAN.test(text); }

function shardKey(term) {
  var chars = Array.from(term);
  return isHan(chars[0]) ? chars[0] : chars.slice(0, 2).join("");
}

/* FNV-1a over the key's code points, as search.py's shard_of. */
function shardOf(term, count) {
  var h = 0x811c9dc5;
  for (var char of shardKey(term)) {
    h = Math.imul(h ^ char.codePointAt(0), 0x01000193) >>> 0;
  }
  return h % count;
}

/* lunr.stemmer: Porter's stemmer as lunr.js 2.3.9 has it (MIT, Copyright (C) 2020 Oliver
   Nightingale; includes code from http://tartarus.org/~martin/PorterStemmer/js.txt). */
var porterStemmer = (function () {
  var step2list = {
    ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble",
    alli: "al", entli: "ent", eli: "e", ousli: "ous", ization: "ize", ation: "ate",
    ator: "ate", alism: "al", iveness: "ive", fulness: "ful", ousness: "ous", aliti: "al",
    iviti: "ive", biliti: "ble", logi: "log"
  };
  var step3list = {
    icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: ""
  };
  var c = "[^aeiou]", v = "[aeiouy]", C = c + "[^aeiouy]*", V = v + "[aeiou]*";
  var re_mgr0 = new RegExp("^(" + C + ")?" + V + C);
  var re_meq1 = new RegExp("^(" + C + ")?" + V + C + "(" + V + ")?$");
  var re_mgr1 = new RegExp("^(" + C + ")?" + V + C + V + C);
  var re_s_v = new RegExp("^(" + C + ")?" + v);
  var re_1a = /^(.+?)(ss|i)es$/, re2_1a = /^(.+?)([^s])s$/;
  var re_1b = /^(.+?)eed$/, re2_1b = /^(.+?)(ed|ing)$/;
  var re_1b_2 = /.$/, re2_1b_2 = /(at|bl|iz)$/;
  var re3_1b_2 = new RegExp("([^aeiouylsz])\\1$");
  var re4_1b_2 = new RegExp("^" + C + v + "[^aeiouwxy]$");
  var re_1c = /^(.+?[^aeiou])y$/;
  var re_2 = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
  var re_3 = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
  var re_4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
  var re2_4 = /^(.+?)(s|t)(ion)$/;
  var re_5 = /^(.+?)e$/, re_5_1 = /ll$/;
  var re3_5 = new RegExp("^" + C + v + "[^aeiouwxy]$");

  return function (w) {
    var stem, suffix, firstch, fp;
    if (w.length < 3) return w;
    firstch = w.substr(0, 1);
    if (firstch == "y") w = firstch.toUpperCase() + w.substr(1);
    if (re_1a.test(w)) w = w.replace(re_1a, "$1$2");
    else if (re2_1a.test(w)) w = w.replace(re2_1a, "$1$2");
    if (re_1b.test(w)) {
      fp = re_1b.exec(w);
      if (re_mgr0.test(fp[1])) w = w.replace(re_1b_2, "");
    } else if (re2_1b.test(w)) {
      fp = re2_1b.exec(w);
      stem = fp[1];
      if (re_s_v.test(stem)) {
        w = stem;
        if (re2_1b_2.test(w)) w = w + "e";
        else if (re3_1b_2.test(w)) w = w.replace(re_1b_2, "");
        else if (re4_1b_2.test(w)) w = w + "e";
      }
    }
    if (re_1c.test(w)) { fp = re_1c.exec(w); w = fp[1] + "i"; }
    if (re_2.test(w)) {
      fp = re_2.exec(w); stem = fp[1]; suffix = fp[2];
      if (re_mgr0.test(stem)) w = stem + step2list[suffix];
    }
    if (re_3.test(w)) {
      fp = re_3.exec(w); stem = fp[1]; suffix = fp[2];
      if (re_mgr0.test(stem)) w = stem + step3list[suffix];
    }
    if (re_4.test(w)) {
      fp = re_4.exec(w); stem = fp[1];
      if (re_mgr1.test(stem)) w = stem;
    } else if (re2_4.test(w)) {
      fp = re2_4.exec(w); stem = fp[1] + fp[2];
      if (re_mgr1.test(stem)) w = stem;
    }
    if (re_5.test(w)) {
      fp = re_5.exec(w); stem = fp[1];
      if (re_mgr1.test(stem) || (re_meq1.test(stem) && !re3_5.test(stem))) w = stem;
    }
    if (re_5_1.test(w) && re_mgr1.test(w)) w = w.replace(re_1b_2, "");
    if (firstch == "y") w = firstch.toLowerCase() + w.substr(1);
    return w;
  };
})();

function stem(term) {
  var found = stems.get(term);
  if (found === undefined) {
    found = isHan(term) ? term : porterStemmer(term);
    stems.set(term, found);
  }
  return found;
}

/* mkdocs-material's query segmentation (MIT, Copyright (c) 2016-2025 Martin Donath): cut a
   run of Chinese characters greedily into the longest words the index holds, so that a
   name inside a longer run is found as the index has it. */
function segment(query, vocabulary) {
  var segments = new Set();
  var wordcuts = new Uint16Array(query.length);
  for (var i = 0; i < query.length; i++) {
    for (var j = i + 1; j < query.length; j++) {
      if (vocabulary.has(query.slice(i, j))) wordcuts[i] = j - i;
    }
  }
  var stack = [0];
  for (var s = stack.length; s > 0;) {
    var p = stack[--s];
    for (var q = 1; q < wordcuts[p]; q++) {
      if (wordcuts[p + q] > wordcuts[p] - q) {
        segments.add(query.slice(p, p + q));
        stack[s++] = p + q;
      }
    }
    var end = p + wordcuts[p];
    if (wordcuts[end] && end < query.length - 1) stack[s++] = end;
    segments.add(query.slice(p, end));
  }
  if (segments.has("")) return new Set([query]);
  return segments;
}

/* The query's words: [{text, stem, han}] and the Chinese runs still to cut. */
function parse(query, stop) {
  var words = [], runs = [];
  var parts = query.normalize("NFC").toLowerCase().match(WORD) || [];
  for (var part of parts) {
    for (var piece of part.match(HAN_OR_NOT)) {
      if (isHan(piece)) runs.push(piece);
      else if (!stop.has(piece)) words.push({ text: piece, stem: stem(piece), han: false });
    }
  }
  return { words: words, runs: runs };
}

function shard(number) {
  return cached(shards, number, function () { return json("terms/" + number + ".json"); });
}

function block(number) {
  return cached(blocks, number, function () { return json("docs/" + number + ".json"); });
}

/* Every indexed term that a query word matches, with how well: 1 for the word or its stem,
   0.5 for a longer word it begins. A one-letter word matches only itself. */
function matches(word, terms) {
  var found = [];
  for (var term in terms) {
    if (term === word.text || (!word.han && stem(term) === word.stem)) {
      found.push([term, 1]);
    } else if (Array.from(word.text).length > 1 || word.han) {
      if (term.startsWith(word.text) || (!word.han && stem(term).startsWith(word.stem))) {
        found.push([term, 0.5]);
      }
    }
  }
  return found;
}

/* --- results --------------------------------------------------------------------------- */

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/* `text` as HTML, with the words that matched marked. */
function highlight(text, matched) {
  var marks = [];
  for (var m of text.matchAll(WORD)) {
    var lower = m[0].toLowerCase();
    if (matched.has(lower)) {
      marks.push([m.index, m.index + m[0].length]);
      continue;
    }
    for (var term of matched) {
      if (!isHan(term)) continue;
      for (var at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) {
        marks.push([m.index + at, m.index + at + term.length]);
      }
    }
  }
  marks.sort(function (a, b) { return a[0] - b[0]; });
  var html = "", cursor = 0;
  for (var mark of marks) {
    if (mark[0] < cursor) continue;
    html += escapeHTML(text.slice(cursor, mark[0])) + "<mark>" +
      escapeHTML(text.slice(mark[0], mark[1])) + "</mark>";
    cursor = mark[1];
  }
  return html + escapeHTML(text.slice(cursor));
}

function search(query) {
  // The theme asks with an empty query as soon as a page loads: that costs no fetch.
  if (!/[\p{L}\p{N}]/u.test(query)) return Promise.resolve({ items: [] });
  return loadManifest().then(function (index) {
    var parsed = parse(query, index.stop);
    if (!parsed.words.length && !parsed.runs.length) return { items: [] };
    var needed = new Set();
    for (var word of parsed.words) needed.add(shardOf(word.text, index.shards));
    for (var run of parsed.runs) {
      for (var char of run) needed.add(shardOf(char, index.shards));
    }
    var numbers = Array.from(needed);
    return Promise.all(numbers.map(shard)).then(function (loaded) {
      var byShard = new Map();
      numbers.forEach(function (n, i) { byShard.set(n, loaded[i]); });
      var words = parsed.words.slice();
      for (var run of parsed.runs) {
        var vocabulary = new Set();
        for (var char of new Set(run)) {
          for (var term in byShard.get(shardOf(char, index.shards))) {
            if (term.startsWith(char)) vocabulary.add(term);
          }
        }
        for (var piece of segment(run, vocabulary)) {
          words.push({ text: piece, stem: piece, han: true });
        }
      }
      return rank(index, words, byShard, nameKey(query));
    });
  });
}

/* The query as search.py's name_key spells a name. */
function nameKey(query) {
  return (query.normalize("NFC").toLowerCase().match(WORD) || []).join("");
}

function rank(index, words, byShard, query) {
  var docs = new Map();
  var matched = new Set();
  var terms = {};
  words.forEach(function (word, w) {
    var postingsByTerm = byShard.get(shardOf(word.text, index.shards));
    var found = matches(word, postingsByTerm || {});
    terms[word.text] = found.length > 0;
    for (var [term, exact] of found) {
      matched.add(term);
      var postings = postingsByTerm[term];
      var idf = Math.log(1 + index.docs / (postings.length / 2));
      for (var i = 0, doc = 0; i < postings.length; i += 2) {
        doc += postings[i];
        var score = postings[i + 1] * idf * exact;
        var entry = docs.get(doc);
        if (!entry) docs.set(doc, entry = { doc: doc, words: new Map() });
        entry.words.set(w, Math.max(entry.words.get(w) || 0, score));
      }
    }
  });
  var hits = Array.from(docs.values(), function (entry) {
    var score = 0;
    for (var s of entry.words.values()) score += s;
    return { doc: entry.doc, count: entry.words.size, score: score };
  });
  var numbers = Array.from(new Set(hits.map(function (hit) {
    return Math.floor(hit.doc / index.block);
  })));
  return Promise.all(numbers.map(block)).then(function (loaded) {
    var rows = new Map();
    numbers.forEach(function (n, i) { rows.set(n, loaded[i]); });
    function row(doc) { return rows.get(Math.floor(doc / index.block))[doc % index.block]; }
    hits.forEach(function (hit) {
      hit.row = row(hit.doc);
      hit.named = hit.row[5] && hit.row[5].indexOf(query) !== -1 ? 1 : 0;
    });
    // A page the query names exactly (a person, a page's title) first; then what matches
    // more of the query's words; then claims, people and organisations, sources, pages.
    hits.sort(function (a, b) {
      return b.named - a.named || b.count - a.count || a.row[2] - b.row[2] ||
        b.score - a.score || a.doc - b.doc;
    });
    return {
      items: hits.map(function (hit, n) {
        var r = hit.row;
        var item = {
          location: r[0],
          title: highlight(r[1], matched),
          text: r[4] ? "<p>" + highlight(r[4], matched) + "</p>" : "",
          score: hits.length - n,
          terms: terms
        };
        // The theme adds a chip's text as HTML: a claim's verdict is wrapped in its rating's
        // class, so the chip has the verdict's colours, as badges on the pages do.
        if (r[3]) {
          item.tags = [r[6] ? '<span class="dossier-search-verdict rating-' + escapeHTML(r[6]) +
            '">' + escapeHTML(r[3]) + "</span>" : escapeHTML(r[3])];
        }
        return [item];
      })
    };
  });
}

addEventListener("message", function (event) {
  var message = event.data;
  if (message.type !== QUERY) return;
  var number = ++latest;
  // Each answer names the query it answers (the theme reads only `items`), so a test or a
  // benchmark can tell the last query's answer from an earlier one's.
  search(message.data).then(function (result) {
    // A reader types faster than shards arrive: only the latest query's answer is shown.
    result.query = message.data;
    if (number === latest) postMessage({ type: RESULT, data: result });
  }, function (error) {
    console.warn("search failed:", error);
    if (number === latest) {
      postMessage({ type: RESULT, data: { items: [], query: message.data } });
    }
  });
});

postMessage({ type: READY });
