/// A labeled sentence to train on: the sentence, its label's name and the document it comes from
/// (cross-validation never splits a document between training and prediction).
public struct TrainingExample: Equatable, Sendable {
    public var sentence: ModelSentence
    public var label: String
    public var document: String

    public init(sentence: ModelSentence, label: String, document: String) {
        self.sentence = sentence
        self.label = label
        self.document = document
    }
}
