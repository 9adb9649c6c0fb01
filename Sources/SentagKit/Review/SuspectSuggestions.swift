/// The suggestions of a suspect review: at each sentence, the alternative to its most suspect label.
///
/// Fixed for the session (the check ran once); `:similar` is not offered.
final class SuspectSuggestions: SuggestionProvider {
    let suggestions: [Int: SessionSuggestion]

    init(suspects: [Int: [LabelCheck.Suspect]], labelSet: LabelSet) {
        var suggestions: [Int: SessionSuggestion] = [:]
        for (position, list) in suspects {
            guard let top = list.first, let index = labelSet.index(of: top.suggested) else { continue }
            suggestions[position] = SessionSuggestion(
                labelIndex: index, label: top.suggested,
                probability: top.reasons.contains(.model) ? top.probability : nil,
                reason: top.reasons.contains(.model) ? "the model's alternative" : "what its duplicates say")
        }
        self.suggestions = suggestions
    }

    func suggestion(at position: Int) -> SessionSuggestion? { suggestions[position] }
    func takeNotices() -> [String] { [] }
    func recorded(position: Int, label: Int?, consensus: Int?) {}
    func similar(to position: Int, count: Int) -> SimilarAnswer {
        .unavailable(":similar is not offered in a review of suspects")
    }
}
