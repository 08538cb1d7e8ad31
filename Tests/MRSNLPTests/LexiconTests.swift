import Foundation
import Testing
@testable import MRSNLP

/// Expects loading `files` to fail with every message in `expected` among its diagnostics.
func expectLoadFailure(
  _ files: [String: String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  do {
    _ = try lexicon(replacing: files)
    Issue.record("loading should fail with \(expected)", sourceLocation: sourceLocation)
  } catch {
    for message in expected {
      #expect(error.description.contains(message), "got: \(error.description)", sourceLocation: sourceLocation)
    }
  }
}

@Suite("Lexicon files")
struct LexiconTests {
  @Test("within=document is for forbid rows only, and takes only 'document'")
  func withinDocumentRows() {
    let head = "@format mrs-rules\n@version 1\n@columns keyword\tvalue\tconstraints\nrule\tr1\nyields\treview\n"
    expectLoadFailure(
      ["rules.tsv": head + "require\tbrain-tumor\twithin=document\n"], ["within=document applies to forbid rows only"])
    expectLoadFailure(
      ["rules.tsv": head + "require\tbrain-tumor\t\nforbid\tnon-brain-site\twithin=sentence\n"],
      ["within= takes document"])
  }

  @Test("the embedded lexicons are exactly the files in lexicons/ (run Scripts/embed-lexicons.sh)")
  func embeddedIsFresh() throws {
    let folder = repositoryRoot.appendingPathComponent("lexicons").path
    let onDisk = try LexiconSourceFile.directory(folder)
    let embedded = LexiconSourceFile.embedded.sorted { $0.name < $1.name }
    #expect(onDisk.map(\.name) == embedded.map(\.name))
    for (disk, inBinary) in zip(onDisk, embedded) {
      #expect(disk.bytes == inBinary.bytes, "\(disk.name) changed; run Scripts/embed-lexicons.sh")
    }
    #expect(LexiconSourceFile.digest(onDisk) == embeddedLexicon.digest)
  }

  @Test("the shipped lexicons load with no error and no warning")
  func shippedLexiconsAreClean() {
    #expect(embeddedLexicon.warnings.isEmpty, "\(embeddedLexicon.warnings)")
    #expect(LexiconReport(lexicon: embeddedLexicon).unmatchable.isEmpty)
  }

  static let header = "@format mrs-terms\n@version 1\n@columns concept\tterm\tattributes\tnote\n"

  @Test("broken rows are reported with file and line", arguments: [
    (header + "brain-tumor\tglioma\t\t\textra\n", "x.tsv:4: error: 5 fields where 4 are declared"),
    (header + "brain-tumour\tglioma\t\t\n", "x.tsv:4: error: unknown concept 'brain-tumour'"),
    (header + "brain-tumor\t\t\t\n", "x.tsv:4: error: empty term"),
    (header + "brain-tumor\tglioma\tcase shout\t\n", "x.tsv:4: error: unknown attribute 'shout'"),
    (header + "other-indication\tseizure focus\t\t\n", "x.tsv:4: error: an other-indication row needs category="),
    (header + "other-indication\tseizure focus\tcategory=seizures\t\n", "x.tsv:4: error: 'seizures' is not an other_indications category"),
    (header + "brain-tumor\tqqglioma\t\t\nbrain-tumor\tQQGlioma\t\t\n", "x.tsv:5: error: duplicate term 'QQGlioma' for brain-tumor"),
    (header + "brain-tumor\t glioma\t\t\n", "x.tsv:4: error: column 'term' has leading, trailing or doubled spaces"),
    (header + "brain-tumor\t#NAME?\t\t\n", "x.tsv:4: error: column 'term' holds a spreadsheet artifact"),
    ("@format mrs-terms\n@version 2\n@columns concept\tterm\tattributes\tnote\n", "x.tsv:1: error: unsupported or missing @version"),
    ("@format mrs-nothing\n@version 1\n@columns a\n", "x.tsv:1: error: unknown @format 'mrs-nothing'"),
    (header + "brain-tumor\tqqglioma\t\t\r\n", "x.tsv:4: error: the line ends with CR LF"),
    // Two files pasted into one (found by the lexicon fuzzer): the earlier rows have two fields,
    // the later header declares four; this crashed the terms parser before the repeat was refused.
    ("@format mrs-fuzzy-stoplist\n@version 1\n@columns word\tnote\nglioma\tx\n" + header,
     "x.tsv:5: error: '@format' appears a second time"),
  ])
  func brokenRows(content: String, expected: String) {
    expectLoadFailure(["x.tsv": content], [expected])
  }

  @Test("a byte-order mark and invalid UTF-8 are refused with the line")
  func encoding() {
    var files = LexiconSourceFile.embedded
    files.append(LexiconSourceFile(name: "bom.tsv", bytes: [0xEF, 0xBB, 0xBF] + Array(Self.header.utf8)))
    files.append(LexiconSourceFile(name: "bad.tsv", bytes: Array(Self.header.utf8) + [0x62, 0xFF, 0x0A]))
    do {
      _ = try Lexicon(files: files)
      Issue.record("loading should fail")
    } catch {
      #expect(error.description.contains("bom.tsv:1: error: the file starts with a UTF-8 byte-order mark"))
      #expect(error.description.contains("bad.tsv:4: error: the line is not valid UTF-8"))
    }
  }

  static let rulesHeader = "@format mrs-rules\n@version 1\n@columns keyword\tvalue\tconstraints\n"

  @Test("broken rules are reported with file and line", arguments: [
    (rulesHeader + "rule\tr1\nyields\trecurrence-vs-treatment-effect\n", "r.tsv:4: error: rule 'r1' requires nothing"),
    (rulesHeader + "rule\tr1\nyields\tcovered\nrequire\tbrain-tumor\n", "r.tsv:5: error: unknown indication 'covered'"),
    (rulesHeader + "rule\tr1\nrequire\tbrain-tumour\n", "r.tsv:5: error: unknown concept 'brain-tumour'"),
    (rulesHeader + "rule\tr1\nrequire\tbrain-tumor\tnot=denied\n", "r.tsv:5: error: 'denied' is not an assertion flag"),
    (rulesHeader + "rule\tr1\nrequire\tbrain-tumor\tnot=negated\nforbid\tbrain-tumor\n", "r.tsv:6: error: rule 'r1' can never fire"),
    (rulesHeader + "rule\tr1\nrequire\tbrain-tumor\tis=negated not=negated\n", "r.tsv:5: error: a flag is both required and forbidden"),
    (rulesHeader + "require\tbrain-tumor\n", "r.tsv:4: error: 'require' comes before any 'rule' row"),
    (rulesHeader + "rule\tr1\nwithin\tparagraph\nrequire\tbrain-tumor\n", "r.tsv:5: error: 'paragraph' is not a proximity"),
    (rulesHeader + "rule\tr1\nrequire\tbrain-tumor\nforbid\tnon-brain-site\tunless=brain-place\n", "r.tsv:6: error: unless= names unknown concept 'brain-place'"),
    (rulesHeader + "rule\tr1\nyields\tother:other\nvetoes\ttumor-vs-non-tumor\nrequire\tbrain-tumor\n", "r.tsv:4: error: rule 'r1' vetoes an indication or raises a flag, so it must yield review"),
  ])
  func brokenRules(content: String, expected: String) {
    expectLoadFailure(["r.tsv": content], [expected])
  }

  @Test("a context row with a bad category, direction or scope is refused")
  func brokenContext() {
    let header = "@format mrs-context\n@version 1\n@columns phrase\tcategory\tdirection\tscope\tapplies-to\tnote\n"
    let content = header + "no\tdenial\tforward\t5\t\t\nno\tnegated\ttermination\t5\t\t\nno\tnegated\tforward\tfive\t\t\nno\tnegated\tforward\t5\ttumour\t\n"
    expectLoadFailure(["c.tsv": content], [
      "c.tsv:4: error: 'denial' is not a context category",
      "c.tsv:5: error: 'termination' is not a direction",
      "c.tsv:6: error: scope 'five' is not a positive number",
      "c.tsv:7: error: applies-to names unknown concept 'tumour'",
    ])
  }

  @Test("a threshold row with a bad ratio, value or finding is refused")
  func brokenThresholds() {
    let content = "@format mrs-thresholds\n@version 1\n@columns analyte\tthreshold\tfavors\tsource\nCho-NAA\t1.5\tfavors-tumor\tx\nCho/NAA\thigh\tfavors-tumor\tx\nCho/NAA\t1.5\ttumor\tx\n"
    expectLoadFailure(["th.tsv": content], [
      "th.tsv:4: error: 'Cho-NAA' is not a ratio",
      "th.tsv:5: error: threshold 'high' is not a positive number",
      "th.tsv:6: error: 'tumor' is not a spectroscopy finding",
    ])
  }

  @Test("a term split so that no row matches the whole phrase is reported by the lexicon report")
  func unmatchableTerm() throws {
    let content = Self.header + "brain-tumor\tzzglioma\t\t\nbrain-lesion\tzzglioma lesion\t\t\nrecurrence\tzzbig zzglioma lesion\t\t\nbrain-tumor\tzzbig zzglioma\t\t\n"
    let lexicon = try lexicon(replacing: ["t.tsv": content])
    let problems = LexiconReport(lexicon: lexicon).unmatchable
    #expect(problems.isEmpty)
    let shadowed = Self.header + "brain-tumor\tqqglioma\t\t\nbrain-lesion\tqqglioma\tcase\t\n"
    let other = try MRSNLPTests.lexicon(replacing: ["t.tsv": shadowed])
    let report = LexiconReport(lexicon: other)
    #expect(report.unmatchable.contains { $0.description.contains("t.tsv:5") && $0.message.contains("never matches as written") })
  }

  @Test("changing any lexicon file changes the digest")
  func digestChanges() throws {
    let edited = try lexicon(replacing: ["abbreviations.tsv": "@format mrs-abbreviations\n@version 1\n@columns abbreviation\tnote\ndr\t\n"])
    #expect(edited.digest != embeddedLexicon.digest)
  }
}
