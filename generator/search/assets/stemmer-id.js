/*!
 * Snowball Indonesian stemmer, hand-ported to plain JavaScript from the Python code
 * that Snowball 3.1.1 generates from indonesian.sbl (Python package snowballstemmer
 * 3.1.1), so that index time (Python) and query time (browser) give identical stems.
 * Parity is checked by tests/search/test_search_stemmer_parity.py.
 *
 * Snowball: Copyright (c) 2001, Dr Martin Porter; Copyright (c) 2004,2005, Richard
 * Boulton; Copyright (c) 2013, Yoshiki Shibukawa; Copyright (c) 2006,2007,2009,2010,
 * 2011,2014-2019, Olly Betts. All rights reserved.
 * Indonesian algorithm: Fadillah Z Tala, "A Study of Stemming Effects on Information
 * Retrieval in Bahasa Indonesia" (2003), Snowball implementation by Olly Betts.
 *
 * Redistribution and use in source and binary forms, with or without modification,
 * are permitted provided that the following conditions are met:
 * 1. Redistributions of source code must retain the above copyright notice, this list
 *    of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice, this
 *    list of conditions and the following disclaimer in the documentation and/or other
 *    materials provided with the distribution.
 * 3. Neither the name of the Snowball project nor the names of its contributors may be
 *    used to endorse or promote products derived from this software without specific
 *    prior written permission.
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY
 * EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES
 * OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT
 * SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT,
 * INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED
 * TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR
 * BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN
 * CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN
 * ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH
 * DAMAGE.
 */
(function (root) {
  "use strict";

  // Among tables: [string, result]. find_among picks the longest entry that matches.
  var PARTICLES = [["kah", 1], ["lah", 1], ["pun", 1]];
  var POSSESSIVES = [["nya", 1], ["ku", 1], ["mu", 1]];
  var SUFFIXES = [["i", 2], ["an", 1]];
  var FIRST_PREFIXES = [
    ["di", 1], ["ke", 3], ["me", 1], ["mem", 5], ["men", 2], ["meng", 1],
    ["pem", 6], ["pen", 4], ["peng", 3], ["ter", 1]
  ];
  var SECOND_PREFIXES = [["be", 2], ["pe", 1]];

  function isVowel(ch) {
    return ch === "a" || ch === "e" || ch === "i" || ch === "o" || ch === "u";
  }

  function Stemmer(word) {
    this.s = word;
    this.cursor = 0;
    this.limit = word.length;
    this.lb = 0;
    this.bra = 0;
    this.ket = word.length;
    this.prefix = 0;
    this.measure = 0;
  }

  var P = Stemmer.prototype;

  P.findAmong = function (table) {
    var best = null;
    for (var i = 0; i < table.length; i++) {
      var w = table[i][0];
      if (this.cursor + w.length <= this.limit &&
          this.s.substr(this.cursor, w.length) === w &&
          (best === null || w.length > best[0].length)) {
        best = table[i];
      }
    }
    if (best === null) return 0;
    this.cursor += best[0].length;
    return best[1];
  };

  P.findAmongB = function (table) {
    var best = null;
    for (var i = 0; i < table.length; i++) {
      var w = table[i][0];
      if (this.cursor - w.length >= this.lb &&
          this.s.substr(this.cursor - w.length, w.length) === w &&
          (best === null || w.length > best[0].length)) {
        best = table[i];
      }
    }
    if (best === null) return 0;
    this.cursor -= best[0].length;
    return best[1];
  };

  P.charAt = function (pos) {
    return pos >= 0 && pos < this.limit ? this.s.charAt(pos) : "";
  };

  P.sliceFrom = function (text) {
    var adjustment = text.length - (this.ket - this.bra);
    this.s = this.s.slice(0, this.bra) + text + this.s.slice(this.ket);
    this.limit += adjustment;
    if (this.cursor >= this.ket) this.cursor += adjustment;
    else if (this.cursor > this.bra) this.cursor = this.bra;
    this.ket = this.bra + text.length;
  };

  // Drop one ending from `endings` (particles -kah/-lah/-pun, possessives
  // -ku/-mu/-nya): each takes one syllable away.
  P.removeEnding = function (endings) {
    this.ket = this.cursor;
    if (this.findAmongB(endings) === 0) return false;
    this.bra = this.cursor;
    this.sliceFrom("");
    this.measure -= 1;
    return true;
  };

  P.removeSuffix = function () {
    this.ket = this.cursor;
    var among = this.findAmongB(SUFFIXES);
    if (among === 0) return false;
    this.bra = this.cursor;
    if (among === 1) {
      // "-an": "-kan" goes unless the prefix was ke-/peng- (3) or per-/pe- (2);
      // bare "-an" stays after di-/me-/ter- (1).
      if (this.prefix !== 3 && this.prefix !== 2 &&
          this.cursor > this.lb && this.s.charAt(this.cursor - 1) === "k") {
        this.cursor -= 1;
        this.bra = this.cursor;
      } else if (this.prefix === 1) {
        return false;
      }
    } else {
      if (this.prefix > 2) return false;
      if (this.cursor > this.lb && this.s.charAt(this.cursor - 1) === "s") return false;
    }
    this.sliceFrom("");
    this.measure -= 1;
    return true;
  };

  // mem-/pem- before a vowel become p- (memukul -> pukul); meny-/peny- before a
  // vowel become s- (menyapu -> sapu).
  P.replaceYWithS = function (prefix) {
    var save = this.cursor;
    if (this.charAt(this.cursor) === "y" && isVowel(this.charAt(this.cursor + 1))) {
      this.cursor += 1;
      this.ket = this.cursor;
      this.sliceFrom("s");
    } else {
      this.cursor = save;
      this.sliceFrom("");
    }
    this.prefix = prefix;
    this.measure -= 1;
  };

  P.replaceVowelWithP = function (prefix) {
    this.prefix = prefix;
    this.measure -= 1;
    if (isVowel(this.charAt(this.cursor))) this.sliceFrom("p");
    else this.sliceFrom("");
  };

  P.removeFirstOrderPrefix = function () {
    this.bra = this.cursor;
    var among = this.findAmong(FIRST_PREFIXES);
    if (among === 0) return false;
    this.ket = this.cursor;
    if (among === 1) {
      this.sliceFrom("");
      this.prefix = 1;
      this.measure -= 1;
    } else if (among === 2) {
      this.replaceYWithS(1);
    } else if (among === 3) {
      this.sliceFrom("");
      this.prefix = 3;
      this.measure -= 1;
    } else if (among === 4) {
      this.replaceYWithS(3);
    } else if (among === 5) {
      this.replaceVowelWithP(1);
    } else {
      this.replaceVowelWithP(3);
    }
    return true;
  };

  P.removeSecondOrderPrefix = function () {
    this.bra = this.cursor;
    var among = this.findAmong(SECOND_PREFIXES);
    if (among === 0) return false;
    var start = this.cursor;
    if (among === 1) {
      if (this.charAt(this.cursor) === "r") {
        this.cursor += 1;
        this.ket = this.cursor;
        this.prefix = 2;
      } else if (this.charAt(this.cursor) === "l" && this.s.substr(this.cursor + 1, 4) === "ajar" &&
                 this.cursor + 5 <= this.limit) {
        this.cursor += 1;
        this.ket = this.cursor;
        this.cursor += 4;
      } else {
        this.cursor = start;
        this.ket = this.cursor;
        this.prefix = 2;
      }
    } else {
      if (this.charAt(this.cursor) === "r") {
        this.cursor += 1;
        this.ket = this.cursor;
      } else if (this.charAt(this.cursor) === "l" && this.s.substr(this.cursor + 1, 4) === "ajar" &&
                 this.cursor + 5 <= this.limit) {
        this.cursor += 1;
        this.ket = this.cursor;
        this.cursor += 4;
      } else {
        this.cursor = start;
        this.ket = this.cursor;
        var next = this.charAt(this.cursor);
        if (next === "" || isVowel(next)) return false;
        this.cursor += 1;
        if (this.s.substr(this.cursor, 2) !== "er" || this.cursor + 2 > this.limit) return false;
        this.cursor += 2;
      }
      this.prefix = 4;
    }
    this.measure -= 1;
    this.sliceFrom("");
    return true;
  };

  P.suffixFrom = function (pos) {
    this.lb = pos;
    this.cursor = this.limit;
    var ok = this.removeSuffix();
    this.cursor = this.lb;
    return ok;
  };

  P.stem = function () {
    var pos = 0;
    while (pos < this.limit) {
      if (isVowel(this.s.charAt(pos))) this.measure += 1;
      pos += 1;
    }
    if (this.measure <= 2) return this.s;
    this.prefix = 0;
    this.lb = 0;
    this.cursor = this.limit;
    this.removeEnding(PARTICLES);
    this.cursor = this.limit;
    if (this.measure <= 2) return this.s;
    this.removeEnding(POSSESSIVES);
    this.cursor = 0;
    if (this.measure <= 2) return this.s;
    if (this.removeFirstOrderPrefix()) {
      var after = this.cursor;
      if (this.measure > 2 && this.suffixFrom(after)) {
        this.cursor = after;
        if (this.measure > 2) this.removeSecondOrderPrefix();
      }
    } else {
      this.cursor = 0;
      this.removeSecondOrderPrefix();
      this.cursor = 0;
      if (this.measure > 2) this.suffixFrom(0);
    }
    return this.s;
  };

  root.snowballIndonesian = function (word) {
    return new Stemmer(word).stem();
  };
})(typeof globalThis !== "undefined" ? (globalThis.IdSearch = globalThis.IdSearch || {}) : this);
