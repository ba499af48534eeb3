/**
 * The words the grader and a worker JVM exchange: plain data, one message per line, and nothing else.
 *
 * <p><b>Where it stands.</b> On the trust boundary. The grader's JVM decides the verdict and never loads
 * a student class; the worker JVM ({@code gradkit.grading.worker}) holds the student's classes and runs
 * them. Between the two go only {@link gradkit.grading.protocol.Request}s (a procedure's name and plain
 * arguments) and {@link gradkit.grading.protocol.Reply}s (a plain value, or the class, message and line
 * of what the student's code threw, and what it printed). No expected value, point or token ever
 * travels to the worker, so a worker that lies can only give answers, and a forged answer earns a point
 * only when it is right.
 *
 * <p><b>What it trusts.</b> Nothing that comes back. {@link gradkit.grading.protocol.LineCodec} decodes a
 * reply strictly: a fixed shape per kind of message, typed fields, every size capped
 * ({@link gradkit.grading.protocol.Limits}); {@link gradkit.grading.protocol.BoundedLines} reads no line
 * longer than the cap. Anything off-shape is a {@link gradkit.grading.protocol.MalformedReply} with a
 * sentence that says what was wrong. There is no Java serialization and no reflection: numbers are the
 * raw bits of a double in hex (so -0.0, infinities and every NaN payload survive), text is Base64 of
 * UTF-8 (so no character of a student's message can break the line or look like a field).
 *
 * <p>A line, field by field (space between fields):
 * <pre>
 * call forward tY3ViZQ== r3ff0000000000000 r3fb999999999999a       a request: forward("cube", 1.0, 0.1)
 * returned r400a7ae147ae1480 t                                       3.31, and nothing printed
 * threw tamF2YS5sYW5nLi4u t... t... t... - - - - tSGk=              class, message, where, calling, cause's four, printed
 * refused tbm8gc3VjaCBwcm9jZWR1cmU=                                   the worker's probe did not know the request
 * </pre>
 */
package gradkit.grading.protocol;
