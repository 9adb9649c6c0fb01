/// `sentag review --suspects`: the adjudication session over the labels `check` finds most
/// likely wrong (`LabelCheck`), most suspect first, with the model's (or the duplicates')
/// alternative shown under each sentence as a suggestion that Enter accepts.
///
/// Prepared like `ReviewSetup` (the label set first, the adjudicator's journal locked before
/// the table is read), and recorded the same way: adjudications with the votes they settle, and
/// `suggested` when the alternative was on screen. Sentences this adjudicator has already
/// settled are passed over unless the filter says otherwise.
public enum SuspectReview {
    /// The session, or why there is nothing to review (not an error).
    public static func prepare(_ options: ReviewSetup.Options, store: any JournalStore) throws
        -> ReviewSetup.Preparation
    {
        try ReviewSetup.opening(options, store: store) { opened in
            try prepare(options, opened: opened)
        }
    }

    private static func prepare(_ options: ReviewSetup.Options, opened: ReviewSetup.Opened) throws
        -> ReviewSetup.Preparation
    {
        let (view, corpus, labelSet) = (opened.view, opened.corpus, opened.labelSet)
        let check = LabelCheck.compute(view: view)
        var order: [Int] = []
        var suspectsAt: [Int: [LabelCheck.Suspect]] = [:]
        for suspect in check.suspects {
            if suspectsAt[suspect.position] == nil { order.append(suspect.position) }
            suspectsAt[suspect.position, default: []].append(suspect)
        }
        if order.isEmpty {
            var message = "nothing to review: no current label of \(options.sources.joined(separator: ", ")) is suspect"
            if let note = check.modelNote { message += " (\(note))" }
            return .nothingToReview(message)
        }
        let ratings = try Ratings.collect(view)
        let items = ReviewItems(
            table: ratings.table, corpus: corpus, criteria: ReviewCriteria(everyItem: true, minimumRatings: 1))
        let ledger = DecisionLedger(
            view: view, journal: opened.own, adjudicated: true, scope: .positions(Set(order)))
        let queue = options.filter.queue(positions: order, ledger: ledger, corpusCount: corpus.count)
        let votes = VoteDescription(items: items, ratings: ratings, view: view, blind: options.blind)
        let blind = options.blind
        let found = suspectsAt
        var session = LabelingSession(
            decisions: view, annotator: options.adjudicator, adjudicated: true, queue: queue, ledger: ledger,
            recordMaker: AdjudicationRecordMaker(adjudicator: options.adjudicator, items: items),
            sessionID: options.sessionID,
            describe: { sentence in
                let suspects = corpus.position(of: sentence.id).flatMap { found[$0] } ?? []
                return suspects.map { Self.describe($0, blind: blind) } + votes.lines(for: sentence)
            }, allowsRuns: false)
        session.suggestions = SuspectSuggestions(suspects: suspectsAt, labelSet: labelSet)
        return .ready(ReviewSetup(session: session, opened: opened, items: items, sources: options.sources))
    }

    /// `suspect: alice said quote; the model prefers claim (p 0.93, score 0.87)`; blind, the
    /// name is left out (`a vote said quote`).
    static func describe(_ suspect: LabelCheck.Suspect, blind: Bool = false) -> String {
        let who =
            blind
            ? (suspect.adjudicated ? "an adjudication" : "a vote")
            : (suspect.adjudicated ? "\(suspect.annotator)'s adjudication" : suspect.annotator)
        var line = "suspect: \(who) said \(suspect.label); "
        if suspect.reasons.contains(.model), let p = suspect.probability {
            line += "the model prefers \(suspect.suggested) (p \(SessionScreen.twoDecimals(p))"
        } else {
            line += "its duplicates say \(suspect.suggested) ("
        }
        line += ", score \(SessionScreen.twoDecimals(suspect.score)))"
        if suspect.reasons.contains(.duplicate) && suspect.reasons.contains(.model) {
            line += "; its duplicates disagree too"
        }
        return line
    }
}
