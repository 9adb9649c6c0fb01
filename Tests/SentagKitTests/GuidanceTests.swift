import SentagKit
import Testing

/// Issue 10, items 5 and 6: `:guide` (fallbacks, sections, the pager, the sentence shown again)
/// and `:context N` with the article's headline in the header.
@Suite struct GuidanceTests {
    typealias F = SessionFixture

    static let markdown = """
        # Labeling guidelines

        Read the sentence first.

        ## claim

        The reporter's own voice.

        ## quote

        Someone's words in quotation marks.

        ### Several sentences

        Each is a quote.

        ## caption

        A photo.
        """

    var guidelines: Guidelines { Guidelines(markdown: Self.markdown, labelSet: .default) }

    @Test(arguments: ["quote", "q", "QUO", "Q"])
    func aLabelsSectionRunsToTheNextHeadingOfItsLevel(_ topic: String) throws {
        let section = try guidelines.section(topic).get()
        #expect(
            section == "## quote\n\nSomeone's words in quotation marks.\n\n### Several sentences\n\nEach is a quote.",
            "\(section)")
    }

    @Test func anyHeadingByItsFirstWords() throws {
        #expect(try guidelines.section("several").get() == "### Several sentences\n\nEach is a quote.")
    }

    @Test func anUnknownTopicListsWhatThereIs() {
        let result = guidelines.section("weather")
        guard case .failure(let problem) = result else {
            Issue.record("expected no section, got \(result)")
            return
        }
        #expect(
            problem.description
                == "no section 'weather' in the guidelines; expected a label or a heading: claim, quote, caption, noise, several sentences",
            "\(problem)")
    }

    @Test func aLabelWithoutASectionFallsBackToItsDescription() throws {
        let section = try guidelines.section("noise").get()
        #expect(
            section.hasPrefix("no 'noise' section in the guidelines; the label set says:\n  noise (n): boilerplate"))
    }

    @Test func theProjectsGuidelinesWhenTheStoreHasNoneThenTheLabels() throws {
        let folder = TestScratch.folder("guide")
        let project = folder.path + "/Annotations"
        let other = folder.path + "/elsewhere"
        try FileSystem.createDirectory(project)
        try FileSystem.createDirectory(other)
        let store = FolderStore(path: other)
        let none = Guidelines.load(store: store, labelSet: .default, projectFolder: project)
        #expect(none.markdown == nil)
        #expect(
            none.text.hasPrefix(
                "no guidelines (\(other)/GUIDELINES.md, \(project)/GUIDELINES.md not found); the labels mean:\n  claim (c): the reporter's own voice"
            ), "\(none.text)")
        try FolderStore(path: project).writeDocument(.guidelines, Array("# Project rules\n".utf8))
        let project1 = Guidelines.load(store: store, labelSet: .default, projectFolder: project)
        #expect(
            project1.text
                == "(the guidelines of \(project)/GUIDELINES.md (there is no \(other)/GUIDELINES.md))\n\n# Project rules\n",
            "\(project1.text)")
        try store.writeDocument(.guidelines, Array("# Store rules\n".utf8))
        #expect(Guidelines.load(store: store, labelSet: .default, projectFolder: project).text == "# Store rules\n")
    }

    @Test func guideHelpAndStatsShowTheSentenceAgain() {
        let result = LoopHarness.run([":guide", "?", ":stats"])
        let screens = result.output.components(separatedBy: "▸ Alpha one.").count - 1
        #expect(screens == 4, "the first sentence drawn at the start and after each:\n\(result.output)")
        #expect(result.output.contains("# Guidelines\nclaims are…\n\nalpha:1 of 4"), "\(result.output)")
    }

    @Test func aSectionOrAProblemThenTheSentence() {
        let result = LoopHarness.run(
            [.line(":guide quote"), .line(":guide weather")], guidelines: guidelines)
        #expect(result.output.contains("> :guide quote\n## quote\n\nSomeone's words"), "\(result.output)")
        #expect(result.output.contains("> :guide weather\nno section 'weather' in the guidelines"), "\(result.output)")
        #expect(result.output.components(separatedBy: "▸ Alpha one.").count - 1 == 3, "\(result.output)")
    }

    @Test func onATerminalThePagerShowsTheGuidelinesInsteadOfTheScreen() {
        var paged: [String] = []
        let result = LoopHarness.run(
            [], source: LoopHarness.TerminalScript([":guide caption"]), guidelines: guidelines,
            pager: { text in
                paged.append(text)
                return true
            })
        #expect(paged == ["## caption\n\nA photo."], "\(paged)")
        #expect(!result.output.contains("A photo."), "\(result.output)")
        // A pager that cannot run: the text is printed.
        let printed = LoopHarness.run(
            [], source: LoopHarness.TerminalScript([":guide caption"]), guidelines: guidelines, pager: { _ in false })
        #expect(printed.output.contains("## caption\n\nA photo."), "\(printed.output)")
    }

    @Test func contextShowsNSentencesEitherSide() {
        var session = F.started()
        _ = session.handle(":goto 3", at: F.at(1))
        let (_, events) = session.handle(":context 2", at: F.at(2))
        #expect(events == [.message("context: 2 sentences either side"), .show])
        #expect(
            session.view()?.before == ["Alpha one.", "Alpha two mentions Putin."],
            "\(String(describing: session.view()))")
        #expect(session.view()?.after == ["Alpha four."], "the document ends there")
        _ = session.handle(":context", at: F.at(3))
        #expect(session.view()?.before == [] && session.view()?.after == [])
        _ = session.handle(":context", at: F.at(4))
        #expect(session.view()?.before.count == 2, "back to the size before it was hidden")
        let refused = session.handle(":context 6", at: F.at(5)).events
        #expect(
            refused == [
                .problem(
                    "bad context '6'; expected a number of sentences from 0 to 5, e.g. ':context 2' (':context' alone hides or shows them)"
                )
            ], "\(refused)")
        var fromOption = F.session()
        fromOption.setContext(3)
        _ = fromOption.start(at: F.at(0))
        #expect(fromOption.view()?.after.count == 3)
    }

    @Test func theHeaderNamesTheArticle() {
        let screen = SessionScreen(labelSet: .default, style: TerminalStyle(enabled: false))
        var view = SessionView(
            documentID: "000_e48", place: "000_e48:5", sentenceNumber: 5, sentencesInDocument: 31,
            headline: "Putin's deserter death squads: Captured Russian soldier claims Moscow has a special unit",
            decided: 9, total: 11, text: "A sentence.")
        #expect(
            screen.render(view, width: 80)[1]
                == "000_e48:5 of 31 · Putin's deserter death squads: Captur… · 9 of 11 labeled (82%)")
        let narrow = screen.render(view, width: 40)
        #expect(
            Array(narrow[1...2]) == [
                "000_e48:5 of 31 · 9 of 11 labeled (82%)", "Putin's deserter death squads: Captured…",
            ])
        view.headline = nil
        #expect(screen.render(view, width: 80)[1] == "000_e48:5 of 31 · 9 of 11 labeled (82%)")
    }

    @Test func theHeadlineIsTheFirstLineWithText() {
        #expect(Document(id: "b", text: "\n  \n  Headline here  \nBody.", origin: "b.txt").headline == "Headline here")
        #expect(Document(id: "c", text: " \n ", origin: "c.txt").headline == nil)
        let long = String(repeating: "word ", count: 100)
        #expect(Document(id: "d", text: long, origin: "d.txt").headline?.count == 200)
    }
}
