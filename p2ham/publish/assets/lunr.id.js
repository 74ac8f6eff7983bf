  // Registers lunr.id (Indonesian) the way lunr's language plugins do, around the Snowball stemmer from npm
  // (`IndonesianStemmer`, defined just above). Loaded by Material's search worker after lunr.stemmer.support.js.
  //
  // Indonesian stems drop prefixes ("pelayanan" -> "layan"), and Material searches as you type by sending every
  // term with a trailing wildcard, which lunr never passes through the pipeline. So each word is indexed twice,
  // as written and as its stem, and each wildcard term of a query also asks for its stem: "pela" still finds
  // "pelayanan" while typing, and "diadukan" finds "pengaduan" and "mengadukan".
  var stemmer = new IndonesianStemmer();
  var cache = Object.create(null);
  function stemOf(word) {
    if (!(word in cache)) cache[word] = stemmer.stemWord(word);
    return cache[word];
  }

  lunr.id = function () {
    this.pipeline.reset();
    this.pipeline.add(lunr.id.trimmer, lunr.id.stemmer);
    if (this.searchPipeline) {
      this.searchPipeline.reset();
      this.searchPipeline.add(lunr.id.stemmer);
    }
  };
  lunr.id.wordCharacters = "A-Za-z\u00C0-\u024F0-9";
  lunr.id.trimmer = lunr.trimmerSupport.generateTrimmer(lunr.id.wordCharacters);
  lunr.Pipeline.registerFunction(lunr.id.trimmer, "trimmer-id");
  // A word and its stem, both indexed at the word's position.
  lunr.id.stemmer = function (token) {
    var word = token.toString();
    var stem = stemOf(word);
    if (!stem || stem === word) return token;
    return [token, token.clone(function () { return stem; })];
  };
  lunr.Pipeline.registerFunction(lunr.id.stemmer, "stemmer-id");
  lunr.id.stopWordFilter = function (token) { return token; };
  lunr.Pipeline.registerFunction(lunr.id.stopWordFilter, "stopWordFilter-id");

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    return query.call(this, function (q) {
      build.call(q, q);
      var stems = [];
      q.clauses.forEach(function (clause) {
        if (clause.usePipeline || clause.presence === lunr.Query.presence.PROHIBITED) return;
        var word = clause.term.replace(/^\*+|\*+$/g, "");
        if (word.length < 4 || word.indexOf("*") !== -1) return;
        var stem = stemOf(word);
        if (stem && stem !== word) {
          stems.push({term: stem, fields: clause.fields, boost: clause.boost, usePipeline: false,
                      wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.OPTIONAL});
        }
      });
      stems.forEach(function (clause) { q.clause(clause); });
    });
  };
