/// The help text of each command, written in the shape ArgumentParser users expect.
enum HelpText {
  static let version = "0.1.0"

  static let main = """
    OVERVIEW: Pre-screens MR spectroscopy (CPT 76390) orders and reports against the two covered
    indications of Florida Blue MCG 04-70540-07, with the evidence for every decision.

    Decision support only: it may find that an order meets the guideline; a qualified clinician
    makes every adverse determination.

    USAGE: mrs-nlp <subcommand> [options]

    SUBCOMMANDS:
      classify        Classify orders or reports (text, JSONL) and show the evidence.
      assert          Assertion (negated, uncertain, historical, hypothetical, family) of a target phrase.
      eval            Score classify against an annotated corpus.
      agree           Cohen's kappa between two annotations of the same documents.
      lexicon check   Validate a lexicon folder and report counts, duplicates and unmatchable terms.
      help            Show help for a subcommand.

    OPTIONS:
      --version       Print the version, the guideline revision and the embedded lexicon digest.
      -h, --help      Show this help.

    See 'mrs-nlp help <subcommand>' for detailed help.

    """

  static let classify = """
    OVERVIEW: Classify orders or reports: decision, indications, non-covered purposes, MRS finding,
    metabolite ratios, and every concept mention with its assertion and the rule behind the decision.

    USAGE: mrs-nlp classify [options] [<text> ... | <file> ... | -]

    ARGUMENTS:
      <text>          Words of one document (joined with spaces) when they are not file names.
      <file>          Files to read; '-' or nothing reads standard input.

    OPTIONS:
      --input <input>         text | jsonl | csv | hl7 | fhir (default: text, or from the file
                              extension: .jsonl/.ndjson, .csv, .hl7, .json).
                              A JSONL line is {"id": ..., "text": ..., "kind": "order"|"report"}.
                              CSV has a header row with 'text' and optional 'id', 'kind'; other
                              columns pass through to CSV output. HL7: ORM^O01/OMI^O23 messages
                              (id from MSH-10; text from OBR-4/13/31, NTE, DG1). FHIR R4: a
                              ServiceRequest, a Bundle, or NDJSON (text from code, reasonCode, note).
      --format <format>       text | json | jsonl | csv | html (default: text on a terminal, jsonl
                              otherwise). html is one self-contained page with highlighted evidence.
      --kind <kind>           order | report, for text input (default: order).
      --id <id>               Record id for text input (default: "text", "stdin" or the file name).
      --lexicons <dir>        Load lexicons from a folder instead of the embedded defaults.
      --line-of-business <v>  The plan's line of business for records that do not name one
                              (commercial, fep, medicare-advantage, medicare, medicaid; a record's
                              own line_of_business field wins). Programs that follow other rules
                              go to a person, with the reason.
      --explain               With text output: every rule considered, and why it did or did not fire.
      --jobs <n>              Threads that classify (default: the cores this process may use). Output is in
                              input order and the same for any number of jobs; a JSONL stream that
                              pauses has the results of what it sent written before the wait.
      --max-record-bytes <n>  Refuse, with an error record, a text larger than this (default 16 MiB).
      --summary               End with a worklist summary: counts per decision, indication, other
                              indication and flag, and the ids that need a person (standard error;
                              a final section in HTML). It never quotes clinical text.
      -h, --help              Show this help.

    One output record per input record, in input order; a record that cannot be read carries
    "error" and the run goes on. Exit status: 0 all classified, 1 some records had errors
    (counted on standard error, which never shows the text) or the output could not be written,
    2 usage error or unreadable lexicon.

    EXAMPLES:
      mrs-nlp classify "GBM s/p XRT/TMZ, new enhancement: recurrence vs radiation necrosis"
      mrs-nlp classify --explain "ring-enhancing lesion, abscess vs necrotic tumor"
      mrs-nlp classify --input jsonl --format jsonl orders.jsonl > decisions.jsonl
      mrs-nlp classify --kind report < report.txt
      mrs-nlp classify --input hl7 --format csv Examples/orders.hl7
      mrs-nlp classify --input fhir --format html Examples/orders-fhir.json > review.html

    """

  static let assertion = """
    OVERVIEW: Decide the assertion of one target phrase per record with the ConText engine, so it
    can be measured on any corpus of (sentence, target) pairs.

    USAGE: mrs-nlp assert [options] [<file> | -]

    OPTIONS:
      --input <input>         jsonl (the only input).
      --lexicons <dir>        Load lexicons from a folder instead of the embedded defaults.
      --context-rules <json>  Use a medspaCy context rules JSON file instead of context.tsv
                              (literal rules only; pattern rules are refused and listed).
      -h, --help              Show this help.

    Input line: {"id": ..., "text": ..., "target": "pneumonia"} (first case-insensitive occurrence)
    or {"id": ..., "text": ..., "start": 10, "end": 19} (Unicode scalar offsets, end exclusive).
    Output line: the id, negated, uncertain, historical, hypothetical, family, the span used
    (start, end) and the triggers; or an error when the target is not in the text.

    EXAMPLES:
      mrs-nlp assert --input jsonl sentences.jsonl

    """

  static let eval = """
    OVERVIEW: Score classify against the gold labels of an annotated corpus (ANNOTATION.md format).

    USAGE: mrs-nlp eval [options] <corpus.jsonl> ...

    OPTIONS:
      --format <format>       text | json | html (default: text).
      --compare <baseline>    Compare with a saved JSON report; exit 1 when a main figure drops by
                              more than the tolerance.
      --tolerance <number>    Allowed drop for --compare (default: 0.005).
      --write-baseline <file> Write the JSON report to a file (a reviewable baseline, no timestamps).
      --errors <n>            How many disagreeing documents to list in text output (default: 50).
      --lexicons <dir>        Load lexicons from a folder instead of the embedded defaults.
      -h, --help              Show this help.

    Reports per-label precision, recall, F1 and support for the decision, each indication, each
    other indication, the spectroscopy finding and measurements; micro and macro averages; the
    decision confusion matrix; mention and assertion scores where gold mentions exist; 95%
    bootstrap intervals (fixed seed); and the disagreeing documents with the rules behind them.

    EXAMPLES:
      mrs-nlp eval corpora/test.jsonl
      mrs-nlp eval --compare eval/baseline-test.json corpora/test.jsonl

    """

  static let agree = """
    OVERVIEW: Cohen's kappa per label between two annotations of the same documents (matched by id).

    USAGE: mrs-nlp agree <a.jsonl> <b.jsonl>

    OPTIONS:
      --format <format>       text | json (default: text).
      -h, --help              Show this help.

    EXAMPLES:
      mrs-nlp agree corpora/agreement/annotator-a.jsonl corpora/agreement/annotator-b.jsonl

    """

  static let lexiconCheck = """
    OVERVIEW: Validate a lexicon folder: formats, columns, concepts, categories, rules; then report
    counts per concept, terms listed twice, and terms that can never match as written.

    USAGE: mrs-nlp lexicon check [<dir>]

    ARGUMENTS:
      <dir>                   The folder (default: the embedded lexicons).

    OPTIONS:
      --strict                Treat warnings as failures.
      -h, --help              Show this help.

    Exit status: 0 when valid, 1 when a term can never match (or warnings under --strict), 2 when a
    file has errors (each printed as file:line: error: message).

    EXAMPLES:
      mrs-nlp lexicon check lexicons

    """
}
