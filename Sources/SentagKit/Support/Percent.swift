/// A share as a whole percentage for people.
///
/// Rounded to the nearest (9 of 11 is 82%, not 81%), except that it never reads 100% while
/// something is left nor 0% once something is done: 199 of 200 is 99%, 1 of 1000 is 1%.
public enum Percent {
    /// `part` of `whole` in percent; 100 when `whole` is 0 (nothing to do is all done).
    public static func rounded(_ part: Int, of whole: Int) -> Int {
        guard whole > 0 else { return 100 }
        let value = (part * 200 + whole) / (2 * whole)
        if part > 0 && part < whole { return min(max(value, 1), 99) }
        return value
    }
}
