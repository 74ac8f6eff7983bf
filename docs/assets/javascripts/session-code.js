/* P2HAM session codes: the session code that puts participants into a class session, and the hand-in code that
   carries one participant's answers to the trainer's device. Specified once, in p2ham/quiz/handin.py (read its
   description); this is the same in the browser, and tests/quick/test_handin.py runs it on vectors made there.
   Works as a plain script (window.P2hamCode) and under Node (module.exports), with no library. */
(function (root) {
  "use strict";
  var ALPHABET = "0123456789KMRUWX";
  var BASE = 16;
  var LOOKALIKES = { O: "0", I: "1", L: "1" };
  var SEPARATORS = " -._\t";
  var MAX_LENGTH = 20;
  var SESSION_LENGTH = 5;
  var SESSION_SPACE = Math.pow(BASE, SESSION_LENGTH);
  var FORMAT_SLOTS = BASE;
  var NONCE_SPACE = 4096;
  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  var MAX_INITIALS = 3;
  var INITIALS_SPACE = 1 + 26 + 26 * 26 + 26 * 26 * 26;

  function CodeError(reason, detail) {
    this.name = "CodeError";
    this.reason = reason;
    this.detail = detail || "";
    this.message = detail ? reason + ": " + detail : reason;
  }
  CodeError.prototype = Object.create(Error.prototype);

  function normalise(text) {
    var out = "";
    String(text).toUpperCase().split("").forEach(function (char) {
      if (SEPARATORS.indexOf(char) < 0) out += LOOKALIKES[char] || char;
    });
    return out;
  }

  // The Damm check character: x * y = 2x + y in GF(16) (x^4 + x + 1), folded over the code with it, gives 0.
  function twice(value) {
    value <<= 1;
    return value & 16 ? value ^ 19 : value;
  }
  function checkCharacter(data) {
    var interim = 0;
    for (var i = 0; i < data.length; i++) interim = twice(interim) ^ ALPHABET.indexOf(data[i]);
    return ALPHABET[twice(interim)];
  }

  function digits(value, length) {
    var chars = [];
    var big = BigInt(BASE);
    for (var i = 0; i < length; i++) {
      chars.push(ALPHABET[Number(value % big)]);
      value = value / big;
    }
    if (value !== 0n) throw new Error("the value does not fit in the length given");
    return chars.reverse().join("");
  }

  function intOf(data) {
    var value = 0n;
    for (var i = 0; i < data.length; i++) value = value * BigInt(BASE) + BigInt(ALPHABET.indexOf(data[i]));
    return value;
  }

  function checked(text) {
    var code = normalise(text);
    var wrong = [];
    code.split("").forEach(function (char) {
      if (ALPHABET.indexOf(char) < 0 && wrong.indexOf(char) < 0) wrong.push(char);
    });
    if (wrong.length) throw new CodeError("mistyped", wrong.sort().join(", ") + " is not a character of a code");
    if (code.length < 2 || checkCharacter(code.slice(0, -1)) !== code[code.length - 1]) {
      throw new CodeError("mistyped", "a character is wrong or missing (the check character does not match)");
    }
    return code.slice(0, -1);
  }

  function sessionCode(formatIndex, number) {
    var data = digits(BigInt(formatIndex * (SESSION_SPACE / FORMAT_SLOTS) + number), SESSION_LENGTH);
    return data + checkCharacter(data);
  }

  function readSessionCode(text) {
    var data = checked(text);
    if (data.length !== SESSION_LENGTH) {
      throw new CodeError("mistyped", "a session code has " + (SESSION_LENGTH + 1) + " characters");
    }
    var value = Number(intOf(data));
    return { format: Math.floor(value / (SESSION_SPACE / FORMAT_SLOTS)), session: value, code: data + checkCharacter(data) };
  }

  function factorial(n) { var f = 1; for (var i = 2; i <= n; i++) f *= i; return f; }

  function radix(kind, options) {
    if (kind === "multiple") return Math.pow(2, options);
    if (kind === "order") return factorial(options) + 1;
    return options + 1;
  }

  function codeLength(radices) {
    var space = BigInt(SESSION_SPACE) * 2n * BigInt(NONCE_SPACE) * BigInt(INITIALS_SPACE);
    radices.forEach(function (r) { space *= BigInt(r); });
    var length = 1;
    while (BigInt(BASE) ** BigInt(length) < space) length += 1;
    return length + 1;
  }

  function initialsValue(initials) {
    if (initials.length > MAX_INITIALS || !/^[A-Z]*$/.test(initials)) throw new Error("initials are up to 3 letters A-Z");
    var offset = 0;
    for (var n = 0; n < initials.length; n++) offset += Math.pow(26, n);
    var value = 0;
    for (var i = 0; i < initials.length; i++) value = value * 26 + LETTERS.indexOf(initials[i]);
    return offset + value;
  }

  function initialsOf(value) {
    var length = 0;
    while (value >= Math.pow(26, length)) { value -= Math.pow(26, length); length += 1; }
    var chars = [];
    for (var i = 0; i < length; i++) { chars.push(LETTERS[value % 26]); value = Math.floor(value / 26); }
    return chars.reverse().join("");
  }

  // The rank (from 0) of a permutation of 1..k among all k! in lexicographic order, and back.
  function orderRank(places) {
    var rest = places.slice().sort(function (a, b) { return a - b; });
    var rank = 0;
    places.forEach(function (place, index) {
      var position = rest.indexOf(place);
      rank += position * factorial(places.length - 1 - index);
      rest.splice(position, 1);
    });
    return rank;
  }
  function orderPlaces(rank, count) {
    var rest = [];
    for (var i = 1; i <= count; i++) rest.push(i);
    var places = [];
    for (var index = 0; index < count; index++) {
      var f = factorial(count - 1 - index);
      places.push(rest.splice(Math.floor(rank / f), 1)[0]);
      rank = rank % f;
    }
    return places;
  }

  // handIn: {session, test (0 pre, 1 post), nonce, initials, answers: [value per question]}
  function encode(handIn, radices) {
    if (handIn.answers.length !== radices.length) throw new Error("one answer per question");
    var value = 0n;
    for (var i = radices.length - 1; i >= 0; i--) {
      if (!(handIn.answers[i] >= 0 && handIn.answers[i] < radices[i])) throw new Error("answer out of range");
      value = value * BigInt(radices[i]) + BigInt(handIn.answers[i]);
    }
    var parts = [[initialsValue(handIn.initials), INITIALS_SPACE], [handIn.nonce, NONCE_SPACE],
      [handIn.test, 2], [handIn.session, SESSION_SPACE]];
    parts.forEach(function (part) {
      if (!(part[0] >= 0 && part[0] < part[1])) throw new Error("session, test or random number out of range");
      value = value * BigInt(part[1]) + BigInt(part[0]);
    });
    var data = digits(value, codeLength(radices) - 1);
    return data + checkCharacter(data);
  }

  function take(state, size) {
    var big = BigInt(size);
    var part = Number(state.value % big);
    state.value = state.value / big;
    return part;
  }

  // radices: [pre-test's, post-test's]
  function decode(text, session, radices) {
    var data = checked(text);
    var state = { value: intOf(data) };
    var found = take(state, SESSION_SPACE);
    if (found !== session) {
      var other = digits(BigInt(found), SESSION_LENGTH);
      throw new CodeError("foreign", other + checkCharacter(other));
    }
    var test = take(state, 2);
    var sizes = radices[test];
    var expected = codeLength(sizes);
    if (data.length + 1 !== expected) {
      throw new CodeError("corrupted", "a code of this test has " + expected + " characters, not " + (data.length + 1));
    }
    var nonce = take(state, NONCE_SPACE);
    var initials = initialsOf(take(state, INITIALS_SPACE));
    var answers = sizes.map(function (size) { return take(state, size); });
    if (state.value !== 0n) throw new CodeError("corrupted", "more than this session's questions can give");
    return { session: found, test: test, nonce: nonce, initials: initials, answers: answers, code: data + checkCharacter(data) };
  }

  // A code in groups of four, to read aloud or copy.
  function grouped(code) {
    return code.replace(/(.{4})(?=.)/g, "$1 ");
  }

  var api = {
    ALPHABET: ALPHABET, MAX_LENGTH: MAX_LENGTH, NONCE_SPACE: NONCE_SPACE, MAX_INITIALS: MAX_INITIALS,
    SESSION_NUMBERS: SESSION_SPACE / FORMAT_SLOTS, CodeError: CodeError,
    normalise: normalise, checkCharacter: checkCharacter, sessionCode: sessionCode, readSessionCode: readSessionCode,
    radix: radix, codeLength: codeLength, orderRank: orderRank, orderPlaces: orderPlaces,
    encode: encode, decode: decode, grouped: grouped
  };
  root.P2hamCode = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : this);
