import Testing
@testable import MRSNLP

@Suite("JSON writer and parser")
struct JSONTests {
  @Test("the writer escapes what JSON requires and the parser reads it back unchanged")
  func escapesRoundTrip() throws {
    let tricky = "quote \" backslash \\ newline \n tab \t cr \r nul \u{0} del \u{7F} é 🧠 脳"
    var writer = JSONWriter()
    writer.beginObject()
    writer.string(tricky, key: "text")
    writer.string(tricky, key: JSONKey("computed \"key\""))
    writer.string("notes.tsv", ":", 12, key: "source")
    writer.int(-42, key: "int")
    writer.int(Int.min, key: "min")
    writer.double(2.5, key: "double")
    writer.double(3, key: "whole")
    writer.double(.nan, key: "nan")
    writer.bool(true, key: "yes")
    writer.string(nil, key: "none")
    writer.int(7, key: "literal \"key\" with \u{7F}")
    writer.endObject()
    let text = String(decoding: writer.bytes, as: UTF8.self)
    #expect(text.contains(#""text":"quote \" backslash \\ newline \n tab \t cr \r nul \u0000 del \u007f é 🧠 脳""#))
    #expect(text.contains(#""source":"notes.tsv:12""#))
    #expect(text.contains(#""whole":3,"nan":null"#))
    let value = try JSONParser.parse(writer.bytes)
    #expect(value["text"]?.stringValue == tricky)
    #expect(value["computed \"key\""]?.stringValue == tricky)
    #expect(value["int"]?.numberValue == -42)
    #expect(value["min"]?.numberValue == Double(Int.min))
    #expect(value["double"]?.numberValue == 2.5)
    #expect(value["yes"] == .bool(true))
    #expect(value["none"] == .null)
    #expect(value["literal \"key\" with \u{7F}"]?.numberValue == 7)
    #expect(text.contains(#""literal \"key\" with \u007f":7"#))
  }

  @Test("string scanning eight bytes at a time: an escape, a raw control byte or the closing quote at any offset")
  func stringScanOffsets() throws {
    for length in 0..<20 {
      let plain = String(repeating: "é", count: length % 3) + String(repeating: "a", count: length)
      #expect(try JSONParser.parse(Array("\"\(plain)\"".utf8)).stringValue == plain)
      for position in 0...plain.utf8.count where plain.utf8.index(plain.utf8.startIndex, offsetBy: position).samePosition(in: plain.unicodeScalars) != nil {
        let cut = plain.utf8.index(plain.utf8.startIndex, offsetBy: position)
        let head = String(plain[..<cut])
        let tail = String(plain[cut...])
        let escaped = try JSONParser.parse(Array("\"\(head)\\n\(tail)\"".utf8))
        #expect(escaped.stringValue == head + "\n" + tail, "escape at \(position) of \(length)")
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array("\"\(head)\u{1}\(tail)\"".utf8)) }
      }
    }
  }

  @Test("string writing eight bytes at a time: each escaped byte at any offset is escaped as alone")
  func stringWriteOffsets() throws {
    let escapes: [(raw: String, escaped: String)] = [
      ("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\u{1}", "\\u0001"), ("\u{7F}", "\\u007f"),
    ]
    for length in 0..<20 {
      let plain = String(repeating: "é", count: length % 3) + String(repeating: "a", count: length)
      for (raw, escaped) in escapes {
        for position in 0...plain.unicodeScalars.count {
          let cut = plain.unicodeScalars.index(plain.unicodeScalars.startIndex, offsetBy: position)
          let head = String(plain.unicodeScalars[..<cut])
          let tail = String(plain.unicodeScalars[cut...])
          var writer = JSONWriter()
          writer.string(head + raw + tail)
          writer.string("file-\(head)\(raw)\(tail)", ":", 7)
          let text = String(decoding: writer.bytes, as: UTF8.self)
          #expect(text == "\"\(head)\(escaped)\(tail)\",\"file-\(head)\(escaped)\(tail):7\"",
            "escape at \(position) of \(length)")
        }
      }
    }
  }

  @Test("integers of every width, at each power of ten, with their sign")
  func integerWidths() throws {
    var values = [0, Int.max, Int.min, Int.min + 1]
    var power = 1
    for _ in 0..<18 {
      power *= 10
      values += [power - 1, power, power + 1, -power]
    }
    for value in values {
      var writer = JSONWriter()
      writer.int(value)
      #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
    }
  }

  @Test("commas, nesting and indentation; the buffer grows past its first capacity")
  func structureAndGrowth() throws {
    var writer = JSONWriter(indent: 2, capacity: 16)
    writer.beginObject()
    writer.beginArray("list")
    writer.int(1)
    writer.beginObject()
    writer.endObject()
    writer.beginArray()
    writer.endArray()
    writer.endArray()
    let long = String(repeating: "ab\"", count: 5_000)
    writer.string(long, key: "long")
    writer.endObject()
    let text = String(decoding: writer.bytes, as: UTF8.self)
    #expect(text.hasPrefix("{\n  \"list\": [\n    1,\n    {},\n    []\n  ],\n  \"long\": \"ab\\\"ab"))
    #expect(text.hasSuffix("\"\n}"))
    #expect(try JSONParser.parse(writer.bytes)["long"]?.stringValue == long)
  }

  @Test("a writer emptied with removeAll writes the next record as a fresh writer would")
  func reuse() {
    func record(_ writer: inout JSONWriter, _ id: String) {
      writer.beginObject()
      writer.string(id, key: "id")
      writer.beginArray("list")
      writer.int(1)
      writer.endArray()
      writer.endObject()
    }
    for indent in [nil, 2] as [Int?] {
      var reused = JSONWriter(indent: indent)
      record(&reused, "first, a longer one")
      reused.beginObject()  // left open on purpose: removeAll forgets the nesting too
      reused.removeAll()
      record(&reused, "b")
      var fresh = JSONWriter(indent: indent)
      record(&fresh, "b")
      #expect(reused.bytes == fresh.bytes)
      var appended: [UInt8] = [0x2A]
      reused.append(to: &appended)
      #expect(appended == [0x2A] + fresh.bytes)
    }
  }

  @Test("a span of the text is written as its scalars, escaped")
  func spanText() throws {
    let text = ScalarText("a \"q\" é🧠\nz")
    var writer = JSONWriter()
    writer.string(text, TextSpan(start: 2, end: 9))
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"\\\"q\\\" é🧠\\n\"")
  }

  @Test("keepingMembers builds only the named top-level members but still checks the others")
  func keepingMembers() throws {
    let line = Array(#"{"id":"a1","gold":{"decision":"meets-criteria","list":[1,2,{"x":null}]},"text":"MRS"}"#.utf8)
    let kept = try JSONParser.parse(line, keepingMembers: ["id", "text"])
    #expect(kept["id"]?.stringValue == "a1")
    #expect(kept["text"]?.stringValue == "MRS")
    #expect(kept["gold"] == nil)
    #expect(try JSONParser.parse(line)["gold"]?["decision"]?.stringValue == "meets-criteria")
    let broken = Array(#"{"id":"a1","gold":{"list":[1,]},"text":"MRS"}"#.utf8)
    #expect(throws: JSONParseError.self) { try JSONParser.parse(broken, keepingMembers: ["id", "text"]) }
    let badEscape = Array(#"{"id":"a1","gold":"\q","text":"MRS"}"#.utf8)
    #expect(throws: JSONParseError.self) { try JSONParser.parse(badEscape, keepingMembers: ["id"]) }
  }

  @Test("strings with escapes and surrogate pairs decode; lone surrogates become U+FFFD")
  func parserStrings() throws {
    let value = try JSONParser.parse(Array(#"["a\u00e9\n", "\ud83e\udde0", "\udc00x", "plain"]"#.utf8))
    #expect(value.arrayValue?.compactMap(\.stringValue) == ["aé\n", "🧠", "\u{FFFD}x", "plain"])
  }

  @Test("pre-rendered boolean members write what writing each member writes, on one line or indented")
  func boolMembers() {
    let members = JSONBoolMembers([("negated", false), ("uncertain", true), ("quote\"d", false)])
    for indent in [nil, 2] as [Int?] {
      func record(together: Bool) -> [UInt8] {
        var writer = JSONWriter(indent: indent)
        writer.beginObject()
        writer.string("x", key: "before")
        if together {
          writer.bools(members)
        } else {
          for member in members.members { writer.bool(member.value, key: JSONKey(member.key)) }
        }
        writer.int(1, key: "after")
        writer.endObject()
        return writer.bytes
      }
      #expect(record(together: true) == record(together: false))
    }
    var first = JSONWriter()
    first.beginObject()
    first.bools(members)
    first.endObject()
    #expect(String(decoding: first.bytes, as: UTF8.self) == #"{"negated":false,"uncertain":true,"quote\"d":false}"#)
  }

  @Test("each assertion flag has its own bit, in the order of allCases")
  func flagBits() {
    var all = AssertionFlags()
    for (index, flag) in AssertionFlag.allCases.enumerated() {
      #expect(AssertionFlags(flag).rawValue == 1 << index)
      all.insert(AssertionFlags(flag))
    }
    for flag in AssertionFlag.allCases { #expect(all.has(flag)) }
    #expect(!AssertionFlags(.negated).has(.family))
  }
}
