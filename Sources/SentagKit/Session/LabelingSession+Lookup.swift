extension LabelingSession {
    /// `DOC:N` (`SentencePlace`) of the sentence at a corpus position, for messages.
    public func place(of position: Int) -> String {
        place(of: position, through: position)
    }

    /// `DOC:N–M` of the sentences from `first` through `last` of one document.
    public func place(of first: Int, through last: Int) -> String {
        let document = corpus.documentIndex(ofSentenceAt: first)
        let start = corpus.documentRanges[document].lowerBound
        return SentencePlace(
            document: corpus.documents[document].id, number: first - start + 1, last: last - start + 1
        ).description
    }

    func resolve(_ target: SessionCommand.GotoTarget) -> Result<Int, Problem> {
        let document: Int
        var number: Int
        switch target {
        case .sentence(let n):
            guard let anchor = current ?? backStack.last else {
                return .failure(Problem("no current document; use :goto DOC:N"))
            }
            document = corpus.documentIndex(ofSentenceAt: anchor)
            number = n
        case .document(let name, let n):
            if corpus.documentIndex(of: name) == nil, let whole = corpus.documentIndex(of: "\(name):\(n)") {
                // A JSONL id with a colon (`news:3`), typed without a sentence number.
                document = whole
                number = 1
                break
            }
            switch findDocument(name) {
            case .failure(let problem): return .failure(problem)
            case .success(let index): document = index
            }
            number = n
        }
        let range = corpus.documentRanges[document]
        let id = corpus.documents[document].id
        guard number >= 1, number <= range.count else {
            return .failure(Problem("no sentence \(number) in \(id); it has \(range.count) (1–\(range.count))"))
        }
        let position = range.lowerBound + number - 1
        guard ledger.inScope(position) else {
            return .failure(Problem("\(place(of: position)) is not in this session's queue"))
        }
        return .success(position)
    }

    /// A document by exact id or unique prefix.
    ///
    /// O(documents), once per `:goto`.
    private func findDocument(_ name: String) -> Result<Int, Problem> {
        if let exact = corpus.documentIndex(of: name) { return .success(exact) }
        let matches = corpus.documents.indices.filter { corpus.documents[$0].id.hasPrefix(name) }
        if matches.count == 1 { return .success(matches[0]) }
        if matches.isEmpty {
            let examples = corpus.documents.prefix(3).map(\.id).joined(separator: ", ")
            return .failure(
                Problem(
                    "unknown document '\(name)'; expected a document id or a unique prefix of one (\(examples)\(corpus.documents.count > 3 ? ", …" : ""))"
                ))
        }
        let shown = matches.prefix(4).map { corpus.documents[$0].id }.joined(separator: ", ")
        return .failure(Problem("ambiguous document '\(name)'; it could be \(shown)\(matches.count > 4 ? ", …" : "")"))
    }

    /// The next sentence in document order after the current one containing `text`
    /// (case-insensitive), wrapping around; sentences outside the scope are passed over.
    func find(_ text: String) -> Int? {
        let needle = text.lowercased()
        let count = corpus.count
        guard count > 0 else { return nil }
        let start = current.map { $0 + 1 } ?? 0
        for step in 0..<count {
            let position = (start + step) % count
            if position == current { continue }
            guard ledger.inScope(position) else { continue }
            if corpus.sentences[position].text.lowercased().contains(needle) { return position }
        }
        return nil
    }

    /// The current sentence with its context and decision; nil when nothing is on screen.
    public func view() -> SessionView? {
        guard let position = current else { return nil }
        let document = corpus.documentIndex(ofSentenceAt: position)
        let range = corpus.documentRanges[document]
        let sentence = corpus.sentences[position]
        let label = ledger.label(at: position)
        let before = max(range.lowerBound, position - context)..<position
        let after = (position + 1)..<min(range.upperBound, position + 1 + context)
        var view = SessionView(
            documentID: corpus.documents[document].id, place: place(of: position),
            sentenceNumber: position - range.lowerBound + 1, sentencesInDocument: range.count,
            headline: corpus.documents[document].headline, decided: ledger.decidedInScope, total: ledger.scopeCount,
            before: before.map { corpus.sentences[$0].text }, text: sentence.text,
            after: after.map { corpus.sentences[$0].text }, currentLabel: label.map { labelSet.labels[$0].name },
            flagged: pending[position]?.flag ?? ledger.isFlagged(position),
            note: pending[position]?.note ?? existingNote(at: position), details: describe?(sentence) ?? [],
            proposal: shownSuggestion?.label ?? proposal?(sentence).map { labelSet.labels[$0].name })
        view.suggestion = shownSuggestion
        return view
    }

    /// A lookup that failed, with the message to show.
    struct Problem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// The name of the label Enter on an empty line gives the sentence on screen, if any.
    public var proposedLabel: String? {
        if current != nil, let shownSuggestion { return shownSuggestion.label }
        guard let current, let proposal, let label = proposal(corpus.sentences[current]) else { return nil }
        return labelSet.labels[label].name
    }
}
