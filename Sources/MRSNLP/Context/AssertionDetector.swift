/// The ConText algorithm (Harkema et al., 2009) over lexicon triggers.
///
/// In each sentence, trigger phrases are found with the longest match winning, so a pseudo-trigger
/// ("no increase") hides the shorter trigger inside it ("no"). Each modifier trigger's scope runs
/// forward, backward or both from the phrase, up to its maximum scope in words, and stops at the
/// sentence edge or a termination term ("but", "however", ";"). A mention in the scope of a trigger,
/// and not inside the trigger phrase itself, gets the trigger's flag and the trigger as evidence.
///
/// - Complexity: O(t · s) per sentence for t triggers of scope s, plus the trie walk.
public struct AssertionDetector: Sendable {
  let lexicon: Lexicon

  /// Creates a detector over the lexicon's triggers.
  public init(lexicon: Lexicon) { self.lexicon = lexicon }

  /// A trigger found in the text.
  public struct TriggerHit: Sendable, Hashable {
    /// The rule behind it.
    public var trigger: ContextTrigger
    /// First token, inclusive.
    public var firstToken: Int
    /// Last token, inclusive.
    public var lastToken: Int
  }

  /// Every trigger phrase in the text, by the longest-match rule.
  public func triggers(in text: TextAnalysis) -> [TriggerHit] {
    let matches = PhraseTrie.longestNonOverlapping(
      lexicon.triggerTrie.allMatches(in: text.stream, tokens: text.tokens, scalars: text.scalars))
    return matches.map { match in
      TriggerHit(
        trigger: lexicon.triggers[lexicon.triggerPhraseRow[match.phrase]],
        firstToken: match.firstToken, lastToken: match.lastToken)
    }
  }

  /// A text's triggers with the token ranges the modifiers cover and where each section's present
  /// story starts: found once per text and applied to its mentions, cues and finding cues alike.
  public struct Context: Sendable {
    /// The triggers, by the longest-match rule.
    public let hits: [TriggerHit]
    /// The token ranges each modifier trigger covers, with the trigger's index in `hits`.
    let scopes: [(hit: Int, scope: Range<Int>)]
    /// By section, the first token of its present story (the first `current` phrase).
    let presentFrom: [Int: Int]
  }

  /// The triggers of `text` (`hits`, when already found) and what they cover.
  public func context(in text: TextAnalysis, hits: [TriggerHit]? = nil) -> Context {
    let hits = hits ?? triggers(in: text)
    var presentFrom: [Int: Int] = [:]
    for hit in hits where hit.trigger.kind == .current {
      let section = text.sentences[Int(text.sentenceOfToken[hit.firstToken])].section
      if presentFrom[section] == nil { presentFrom[section] = hit.firstToken }
    }
    return Context(hits: hits, scopes: scopes(hits, in: text), presentFrom: presentFrom)
  }

  /// The token ranges each modifier trigger covers, with the trigger's index in `hits`. (Hits are
  /// read in place: copying one copies its trigger's strings.)
  func scopes(_ hits: [TriggerHit], in text: TextAnalysis) -> [(hit: Int, scope: Range<Int>)] {
    var result: [(hit: Int, scope: Range<Int>)] = []
    result.reserveCapacity(2 * hits.count)
    let terminators = hits.indices.filter { hits[$0].trigger.kind == .terminate }
      .map { (first: hits[$0].firstToken, last: hits[$0].lastToken) }
    for index in hits.indices {
      guard case .modifier = hits[index].trigger.kind else { continue }
      let first = hits[index].firstToken
      let last = hits[index].lastToken
      let direction = hits[index].trigger.direction
      let sentence = text.sentences[Int(text.sentenceOfToken[first])]
      /// Whether a terminator lies in the hit's sentence.
      func inSentence(_ terminator: (first: Int, last: Int)) -> Bool {
        terminator.first >= sentence.firstToken && terminator.last < sentence.endToken
      }
      let reach = hits[index].trigger.maxScope ?? Int.max / 4
      if direction == .forward || direction == .both {
        var end = last + 1
        var words = 0
        while end < sentence.endToken && words < reach {
          if text.tokens[end].kind == .word || text.tokens[end].kind == .number { words += 1 }
          end += 1
        }
        if let stop = terminators.first(where: { inSentence($0) && $0.first > last }) {
          end = min(end, stop.first)
        }
        if end > last + 1 { result.append((index, (last + 1)..<end)) }
      }
      if direction == .backward || direction == .both {
        var start = first
        var words = 0
        // A question mark that opens a clause (", ? tumor") asks about what follows it only.
        let clauseBound = direction == .both
          && (first...last).allSatisfy { text.tokens[$0].kind == .punctuation }
        while start > sentence.firstToken && words < reach {
          if clauseBound && (text.tokens[start - 1].normalized == "," || text.tokens[start - 1].normalized == ";") {
            break
          }
          start -= 1
          if text.tokens[start].kind == .word || text.tokens[start].kind == .number { words += 1 }
        }
        if let stop = terminators.last(where: { inSentence($0) && $0.last < first }) {
          start = max(start, stop.last + 1)
        }
        if start < first { result.append((index, start..<first)) }
      }
    }
    return result
  }

  /// Sets the flags and their evidence on `mentions`.
  ///
  /// - Parameter hits: the text's triggers, when already found (`triggers(in:)`).
  public func assert(_ mentions: [Mention], in text: TextAnalysis, hits: [TriggerHit]? = nil) -> [Mention] {
    assert(mentions, in: text, context: context(in: text, hits: hits))
  }

  /// Sets the flags and their evidence on `mentions`, from the text's `context(in:)`.
  public func assert(_ mentions: consuming [Mention], in text: TextAnalysis, context: Context) -> [Mention] {
    let hits = context.hits
    let scopes = context.scopes
    let presentFrom = context.presentFrom
    // In place: a mention no trigger reaches is neither copied nor written.
    var mentions = mentions
    for mentionIndex in mentions.indices {
      let first = mentions[mentionIndex].firstToken
      let last = mentions[mentionIndex].lastToken
      let section = text.sections[mentions[mentionIndex].section]
      let inPresentStory = presentFrom[mentions[mentionIndex].section].map { first >= $0 } ?? false
      if let header = section.header, section.role == .family || section.role == .past, !inPresentStory {
        let flag: AssertionFlag = section.role == .family ? .family : .historical
        mentions[mentionIndex].flags.insert(AssertionFlags(flag))
        mentions[mentionIndex].assertionEvidence.append(
          AssertionEvidence(flag: flag, trigger: "section: \(section.category)", span: header))
      }
      for index in scopes.indices {
        // Test the range first: most scopes miss a mention. The hit is read in place, not copied.
        let scope = scopes[index].scope
        guard first < scope.upperBound, scope.lowerBound <= last else { continue }
        guard case .modifier(let flag) = hits[scopes[index].hit].trigger.kind else { continue }
        // A target of `mrs-nlp assert` has no concept, so every trigger may modify it.
        if let allowed = hits[scopes[index].hit].trigger.appliesTo, mentions[mentionIndex].concept != "target",
          !allowed.contains(mentions[mentionIndex].concept)
        {
          continue
        }
        let hitFirst = hits[scopes[index].hit].firstToken
        let hitLast = hits[scopes[index].hit].lastToken
        guard !(first <= hitLast && hitFirst <= last) else { continue }  // inside the trigger
        mentions[mentionIndex].flags.insert(AssertionFlags(flag))
        mentions[mentionIndex].assertionEvidence.append(
          AssertionEvidence(
            flag: flag, trigger: hits[scopes[index].hit].trigger.phrase, span: text.span(hitFirst, hitLast)))
      }
    }
    return mentions
  }
}
