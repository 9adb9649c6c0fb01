import Foundation
import Testing

/// `sentag plan` and `sentag label` under a plan, end to end through the built binary.
@Suite struct PlanCommandTests {
    /// Issue 11's first "done when": three annotators, F = 0.2, K = 2, each labeling their whole
    /// queue through piped input.
    @Test func threeAnnotatorsLabelTheirQueuesAndEveryItemHasItsVotes() throws {
        let fixture = try PlanFixture()
        let plan = try fixture.run([
            "plan", "corpus", "--annotators", "alice,bob,carol", "--overlap", "0.2", "--k", "2",
        ])
        #expect(plan.status == 0, "\(plan.transcript)")
        #expect(
            plan.stdout.contains("3 annotators (alice, bob, carol), 20% overlap with k = 2, seed 1"),
            "\(plan.transcript)")
        let ids = try fixture.corpusIDs()
        var kinds: [String: Set<String>] = [:]
        var union = Set<String>()
        for name in ["alice", "bob", "carol"] {
            let queue = try fixture.queue(name)
            for item in queue {
                kinds[item.id, default: []].insert(item.kind)
                union.insert(item.id)
            }
            let result = try fixture.labelWholeQueue(name)
            #expect(result.stdout.contains("your share of the plan: \(queue.count) sentences"), "\(result.transcript)")
            #expect(result.stdout.contains("\(queue.count) decisions this session"), "\(result.transcript)")
        }
        #expect(union == Set(ids), "the union of the queues is the corpus")
        let votes = try fixture.votes()
        let overlap = ids.filter { kinds[$0] == ["overlap"] }
        #expect(overlap.count == Int((0.2 * Double(ids.count)).rounded()), "\(overlap.count) of \(ids.count)")
        for id in ids {
            let expected = kinds[id] == ["overlap"] ? 2 : 1
            #expect(votes[id]?.count == expected, "\(id): \(votes[id] ?? []) for \(kinds[id] ?? [])")
        }
        let status = try fixture.json(["plan", "--status", "--json"])
        #expect(status["k"] as? Int == 2, "\(status)")
        #expect(status["overlap_items"] as? Int == overlap.count, "\(status)")
        #expect(status["complete_overlap_items"] as? Int == overlap.count, "\(status)")
        let shares = try #require(status["annotators"] as? [String: [String: Any]])
        for (name, share) in shares {
            #expect(
                share["left"] as? Int == 0 && share["done"] as? Int == share["assigned"] as? Int, "\(name): \(share)")
        }
        let text = try fixture.run(["plan", "--status"])
        #expect(text.stdout.contains("\(overlap.count) complete, 0 waiting for votes"), "\(text.transcript)")
    }

    @Test func aNameOutsideTheRosterIsRefusedWithTheRoster() throws {
        let fixture = try PlanFixture(documents: 4)
        try fixture.run(["plan", "corpus", "--annotators", "alice,bob"])
        let result = try fixture.label("mallory", ["c"])
        #expect(result.status == 1, "\(result.transcript)")
        #expect(
            result.stderr.hasPrefix("error: 'mallory' is not on the plan's roster (alice, bob)"), "\(result.transcript)"
        )
        #expect(!FileManager.default.fileExists(atPath: fixture.annotations + "/mallory.jsonl"))
    }

    @Test func aRunStaysInTheAnnotatorsShare() throws {
        let fixture = try PlanFixture(documents: 30)
        try fixture.run(["plan", "corpus", "--annotators", "alice,bob,carol,dave"])
        let queue = Set(try fixture.queue("alice").map(\.id))
        let result = try fixture.label("alice", ["n 20", "y", "n 20", "y", "n 20", "y"])
        #expect(result.status == 0, "\(result.transcript)")
        let decided = Set(try fixture.votes().filter { $0.value.contains("alice") }.keys)
        #expect(decided.count > 1 && decided.isSubset(of: queue), "\(decided.subtracting(queue).count) outside")
    }

    @Test func anAbsentAnnotatorIsRebalancedAndTheWorkStillEndsWithTheRightVotes() throws {
        let fixture = try PlanFixture()
        try fixture.run(["plan", "corpus", "--annotators", "alice,bob,carol", "--overlap", "0.25"])
        let carol = try fixture.queue("carol")
        try fixture.label("carol", Array(repeating: "q", count: 5))
        let rebalance = try fixture.run(["plan", "--rebalance", "--absent", "carol"])
        #expect(rebalance.status == 0, "\(rebalance.transcript)")
        #expect(rebalance.stdout.contains("carol absent now:"), "\(rebalance.transcript)")
        let after = try fixture.queue("carol")
        #expect(after.map(\.id) == carol.prefix(5).map(\.id) && after.allSatisfy(\.done), "\(after)")
        var kinds: [String: String] = [:]
        for item in carol { kinds[item.id] = item.kind }
        for name in ["alice", "bob"] {
            for item in try fixture.queue(name) { kinds[item.id] = item.kind }
            try fixture.labelWholeQueue(name)
        }
        let ids = try fixture.corpusIDs()
        let votes = try fixture.votes()
        for id in ids {
            let expected = kinds[id] == "overlap" ? 2 : 1
            #expect(votes[id]?.count == expected, "\(id): \(votes[id] ?? [])")
            #expect(Set(votes[id] ?? []).count == votes[id]?.count, "distinct annotators on \(id)")
        }
        let status = try fixture.json(["plan", "--status", "--json"])
        #expect(status["absent"] as? [String] == ["carol"], "\(status)")
        #expect(status["complete_overlap_items"] as? Int == status["overlap_items"] as? Int, "\(status)")
        let idle = try fixture.run(["plan", "--rebalance", "--idle", "30d"])
        #expect(idle.stdout.contains("nobody present has been idle that long"), "\(idle.transcript)")
        // Longer than Int64 milliseconds hold: the same answer, not a crash.
        let ages = try fixture.run(["plan", "--rebalance", "--idle", "99999999999999w"])
        #expect(ages.status == 0 && ages.stdout.contains("nobody present has been idle"), "\(ages.transcript)")
        let back = try fixture.run(["plan", "--add", "carol"])
        #expect(back.status == 0 && back.stdout.contains("carol on the roster"), "\(back.transcript)")
    }

    /// Issue 11: "an annotator who errs on purpose on gold shows the expected accuracy".
    @Test func goldChecksMeasureEachAnnotatorsAccuracy() throws {
        let fixture = try PlanFixture()
        let ids = try fixture.corpusIDs()
        let labels = ["claim", "quote", "caption", "noise"]
        var truth: [String: String] = [:]
        for (i, id) in ids.enumerated() where i % 5 == 0 { truth[id] = labels[i % 4] }
        let gold = truth.map { #"{"id":"\#($0.key)","label":"\#($0.value)","split":"train"}"# }.sorted()
        try (gold.joined(separator: "\n") + "\n").write(
            to: fixture.root.appendingPathComponent("gold.jsonl"), atomically: true, encoding: .utf8)
        let plan = try fixture.run([
            "plan", "corpus", "--annotators", "alice,bob", "--overlap", "0.2", "--gold", "gold.jsonl", "--gold-rate",
            "0.15",
        ])
        #expect(plan.status == 0, "\(plan.transcript)")
        let key: [String: String] = ["claim": "c", "quote": "q", "caption": "p", "noise": "n"]
        // alice answers every gold item right; bob gets exactly three wrong.
        try fixture.labelWholeQueue("alice") { item in item.kind == "gold" ? key[truth[item.id]!]! : "c" }
        var wrong = 0
        let bobGold = try fixture.queue("bob").filter { $0.kind == "gold" }.count
        try #require(bobGold >= 4, "bob's queue has \(bobGold) gold items")
        try fixture.labelWholeQueue("bob") { item in
            guard item.kind == "gold" else { return "q" }
            let right = truth[item.id]!
            if wrong < 3 {
                wrong += 1
                return key[right == "noise" ? "claim" : "noise"]!
            }
            return key[right]!
        }
        let agreement = try fixture.json(["agreement", "--json"])
        let report = try #require(agreement["gold"] as? [String: [String: Any]], "\(agreement)")
        let alice = try #require(report["alice"])
        let bob = try #require(report["bob"])
        #expect(alice["accuracy"] as? Double == 1, "\(alice)")
        #expect(bob["items"] as? Int == bobGold && bob["correct"] as? Int == bobGold - 3, "\(bob)")
        let accuracy = try #require(bob["accuracy"] as? Double)
        #expect(abs(accuracy - Double(bobGold - 3) / Double(bobGold)) < 1e-12, "\(bob)")
        #expect(agreement["gold_items"] as? Int == truth.count, "\(agreement)")
        // Gold sentences are not agreement items: none has two ratings in the agreement's count.
        #expect(agreement["items"] as? Int == ids.count - truth.count, "\(agreement["items"] ?? "nil")")
        let text = try fixture.run(["agreement"])
        #expect(
            text.stdout.contains("Gold checks (\(truth.count) sentences with a known label, from gold.jsonl"),
            "\(text.transcript)")
        let stats = try fixture.run(["stats"])
        #expect(
            stats.stdout.contains("Gold checks") && stats.stdout.contains("Pace and attention"), "\(stats.transcript)")
        // Gold items rated by both are no disagreement to settle either: review takes the overlap only.
        let both = Set(try fixture.queue("alice").filter { $0.kind == "gold" }.map(\.id))
            .intersection(try fixture.queue("bob").filter { $0.kind == "gold" }.map(\.id))
        try #require(!both.isEmpty, "alice and bob share no gold item")
        let overlap = try #require(try fixture.json(["plan", "--status", "--json"])["overlap_items"] as? Int)
        let review = try fixture.run(["review", "--adjudicator", "judge", "--all"], input: "")
        #expect(review.stdout.contains("· \(overlap) items with at least 2 ratings"), "\(review.transcript)")
    }

    @Test func badInputIsAClearErrorAndNothingIsLost() throws {
        let fixture = try PlanFixture(documents: 6)
        for (arguments, status, message) in [
            (
                ["--annotators", "alice,bob", "--overlap", "1.5"], Int32(64),
                "The value '1.5' is invalid for '--overlap <F>': give a fraction from 0 to 1"
            ),
            (
                ["--annotators", "alice,bob", "--overlap", "-0.1"], 64,
                "The value '-0.1' is invalid for '--overlap <F>'"
            ),
            (["--annotators", "alice,bob", "--gold-rate", "1"], 64, "The value '1' is invalid for '--gold-rate <R>'"),
            (
                ["--annotators", "alice,bob", "--overlap", "0.2", "--k", "3"], 64,
                "--k 3 asks for 3 annotators per overlap item, but the roster has 2"
            ),
            (["--annotators", "alice,../bob"], 64, "bad annotator name '../bob'"),
            (["--annotators", "alice,alice"], 64, "'alice' is named twice"),
            (["--annotators", "alice", "--gold-rate", "0.1"], 64, "--gold-rate needs --gold FILE"),
            (["--status", "--overlap", "0.1"], 64, "go with --annotators"),
            ([], 64, "say what to do"),
            (["--rebalance"], 64, "--rebalance needs --absent NAMES or --idle DURATION"),
            (["--rebalance", "--idle", "soon"], 64, "'soon' is not a duration"),
            (["--status"], 1, "has no plan (plan.json); make one with 'sentag plan --annotators"),
        ] {
            let result = try fixture.run(["plan", "corpus"] + arguments)
            #expect(result.status == status, "\(arguments): \(result.transcript)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.transcript)")
        }
        try #"{"id":"0123456789abcdef","label":"claim"}"#.write(
            to: fixture.root.appendingPathComponent("gold.jsonl"), atomically: true, encoding: .utf8)
        let gold = try fixture.run(["plan", "corpus", "--annotators", "alice", "--gold", "gold.jsonl"])
        #expect(gold.status == 1 && gold.stderr.contains("1 gold id is not a sentence of corpus"), "\(gold.transcript)")
        #expect(!FileManager.default.fileExists(atPath: fixture.annotations + "/plan.json"))

        let first = try fixture.run(["plan", "corpus", "--annotators", "alice,bob"])
        #expect(first.status == 0, "\(first.transcript)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.annotations + "/plan.json"))
        let again = try fixture.run(["plan", "corpus", "--annotators", "bob,alice"])
        #expect(again.status == 0 && again.stdout.contains("already holds this very plan"), "\(again.transcript)")
        let second = try fixture.run(["plan", "corpus", "--annotators", "alice,bob,carol"])
        #expect(second.status == 1 && second.stderr.contains("already holds another plan"), "\(second.transcript)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.annotations + "/plan.json")) == bytes, "nothing lost")

        let other = fixture.root.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "Something else entirely.\n".write(
            to: other.appendingPathComponent("x.txt"), atomically: true, encoding: .utf8)
        let mismatch = try fixture.run(["plan", "--status", "other"])
        #expect(
            mismatch.status == 1 && mismatch.stderr.contains("was made for another corpus"), "\(mismatch.transcript)")
        let label = try fixture.run(["label", "other", "--annotator", "alice"], input: "c\n")
        #expect(label.status == 1 && label.stderr.contains("was made for another corpus"), "\(label.transcript)")
    }

    @Test func aChangedCorpusIsExplainedAndTheExtensionPlansIt() throws {
        let fixture = try PlanFixture(documents: 10)
        try fixture.run(["plan", "corpus", "--annotators", "alice,bob"])
        try fixture.labelWholeQueue("alice")
        try "A brand new article.\nWith a second line.\n".write(
            to: fixture.root.appendingPathComponent("corpus/doc99.txt"), atomically: true, encoding: .utf8)
        let status = try fixture.run(["plan", "--status"])
        #expect(
            status.stdout.contains("differs from the plan") && status.stdout.contains("1 document added (doc99)"),
            "\(status.transcript)")
        #expect(status.stdout.contains("2 sentences are in nobody's queue"), "\(status.transcript)")
        let label = try fixture.label("bob", [])
        #expect(label.stderr.contains("the corpus differs from the plan's"), "\(label.transcript)")
        let extend = try fixture.run(["plan", "--extend"])
        #expect(
            extend.status == 0 && extend.stdout.contains("1 document planned among alice, bob"), "\(extend.transcript)")
        let after = try fixture.json(["plan", "--status", "--json"])
        #expect(after["unassigned"] as? Int == 0, "\(after)")
        let alice = try #require((after["annotators"] as? [String: [String: Any]])?["alice"])
        #expect((alice["done"] as? Int ?? 0) > 0, "alice's decisions still count: \(alice)")
        let nothing = try fixture.run(["plan", "--extend"])
        #expect(nothing.stdout.contains("nothing to extend"), "\(nothing.transcript)")
    }

    /// A plan whose history miscounts a document's sentences (a hand edit, a bad merge) while the
    /// corpus hash still matches: the document counts as edited, never as a range past its end.
    @Test func aMiscountedDocumentInThePlanIsEditedNotACrash() throws {
        let fixture = try PlanFixture(documents: 4)
        try fixture.run(["plan", "corpus", "--annotators", "alice,bob"])
        let path = fixture.annotations + "/plan.json"
        let good = try String(contentsOfFile: path, encoding: .utf8)
        #expect(good.contains(#"["doc00",4,"#), "\(good)")
        try good.replacingOccurrences(of: #"["doc00",4,"#, with: #"["doc00",40,"#).write(
            toFile: path, atomically: true, encoding: .utf8)
        let status = try fixture.run(["plan", "--status"])
        #expect(status.status == 0 && status.stdout.contains("1 edited (doc00)"), "\(status.transcript)")
        let label = try fixture.label("alice", [])
        #expect(label.status == 0, "\(label.transcript)")
        try good.replacingOccurrences(of: #"["doc00",4,"#, with: #"["doc00",999999999999,"#).write(
            toFile: path, atomically: true, encoding: .utf8)
        let huge = try fixture.run(["plan", "--status"])
        #expect(
            huge.status == 1 && huge.stderr.contains("must be [document id, sentences, hash]"), "\(huge.transcript)")
    }

    /// Blind rounds: a label session never shows another annotator's label; a blind review hides
    /// who voted what.
    @Test func blindRoundsHideOthersLabelsAndNames() throws {
        let fixture = try PlanFixture(documents: 8)
        try fixture.run(["plan", "corpus", "--annotators", "alice,bob", "--overlap", "1"])
        try fixture.labelWholeQueue("alice") { _ in "q" }
        let bob = try fixture.labelWholeQueue("bob") { _ in "c" }
        #expect(!bob.stdout.contains("current label"), "\(bob.transcript)")
        let review = try fixture.run(["review", "--adjudicator", "judge", "--blind"], input: "c\nc\n")
        #expect(review.status == 0, "\(review.transcript)")
        #expect(
            review.stdout.contains("annotator 1: ") && review.stdout.contains("annotator 2: "), "\(review.transcript)")
        #expect(!review.stdout.contains("alice") && !review.stdout.contains("bob"), "\(review.transcript)")
        let open = try fixture.run(["review", "--adjudicator", "judge2"], input: "c\n")
        #expect(open.stdout.contains("alice: quote") && open.stdout.contains("bob: claim"), "\(open.transcript)")
    }
}
