package gradkit.viz;

import gradkit.engine.BackwardTrace;
import gradkit.engine.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plays the backward pass of a value on a drawing of its graph, one node's rule a frame, in the
 * engine's own order: {@link BackwardTrace} runs the real backward pass node by node and records
 * every grad; {@link BackwardFrameSvg} draws a frame; this class shows the frames in a notebook.
 *
 * <pre>{@code
 * BackwardAnimation animation = BackwardAnimation.of(L);   // runs L's backward pass, recorded
 * animation.show();       // frame 0: the start
 * animation.next();       // frame 1: the output's rule; call again for the next node
 * animation.back();       // one frame back
 * animation.play();       // from here (or from the start, at the end) to the last frame
 * }</pre>
 *
 * <p>Where it shows what, by {@link Display#kernel()}:
 * <ul>
 *   <li>JJava, IJava and the kit's kernel: one picture, replaced in place by {@code next},
 *       {@code back}, {@code goTo} and {@code play} (Jupyter's {@code update_display_data}).
 *       Below it, folded, every frame numbered, which is what a page exported from the notebook
 *       (where no kernel runs) can still unfold and read;</li>
 *   <li>Rapaio, which cannot replace a picture: {@code show} shows every frame, numbered, one after
 *       another; {@code next} and {@code back} show the one frame they reach;</li>
 *   <li>no kernel (JShell, a program): the same frames as text ({@link BackwardFrameText}).</li>
 * </ul>
 *
 * <p>Making the animation runs {@code output}'s backward pass from zero gradients, so the graph's
 * grads afterwards are those of one {@code backward()} after {@code zeroGrad()}.
 */
public final class BackwardAnimation {

    /** How long {@link #play()} shows each frame, in milliseconds. */
    public static final int FRAME_MILLIS = 700;

    private final BackwardTrace trace;
    private int frame;
    /** The id of the picture a kernel can replace; null until shown, or where none can be replaced. */
    private String displayId;

    private BackwardAnimation(BackwardTrace trace) {
        this.trace = trace;
    }

    /**
     * The animation of {@code output}'s backward pass, at frame 0; nothing is shown yet.
     *
     * @throws IllegalArgumentException if {@code output} is null or its graph is larger than
     *     {@link BackwardTrace#MAX_VALUES}
     */
    public static BackwardAnimation of(Value output) {
        return new BackwardAnimation(BackwardTrace.of(output));
    }

    /** The recorded backward pass the frames are drawn from. */
    public BackwardTrace trace() {
        return trace;
    }

    /** The frame shown now: 0 is the start, {@link #lastFrame()} the end of the pass. */
    public int frame() {
        return frame;
    }

    /** The last frame's number, which is the number of values in the graph. */
    public int lastFrame() {
        return BackwardFrameText.frameCount(trace) - 1;
    }

    /** Shows the animation at its current frame (see the class comment for what each kernel shows). */
    public void show() {
        Display.Kernel kernel = Display.kernel();
        if (kernel == Display.Kernel.NONE) {
            System.out.println(BackwardFrameText.all(trace));
            return;
        }
        if (kernel != Display.Kernel.RAPAIO) {
            displayId = Display.showUpdatable(bundle()).orElse(null);
            if (displayId != null) {
                return;
            }
        }
        Display.html(allFramesHtml(true));
    }

    /** Moves one frame on (staying at the last) and shows it. */
    public void next() {
        goTo(Math.min(frame + 1, lastFrame()));
    }

    /** Moves one frame back (staying at 0) and shows it. */
    public void back() {
        goTo(Math.max(frame - 1, 0));
    }

    /**
     * Moves to frame {@code k} and shows it: in place of the picture where the kernel can replace
     * it, else as a new picture (text outside a kernel).
     *
     * @throws IllegalArgumentException if {@code k} is not from 0 to {@link #lastFrame()}
     */
    public void goTo(int k) {
        BackwardFrameText.checkFrame(trace, k);
        frame = k;
        if (displayId != null && Display.update(displayId, bundle())) {
            return;
        }
        if (Display.kernel() == Display.Kernel.NONE) {
            System.out.println(String.join("\n", BackwardFrameText.lines(trace, k)));
        } else {
            Display.html(frameHtml(k));
        }
    }

    /**
     * Plays the frames from the current one to the last, {@link #FRAME_MILLIS} apart, in the
     * picture {@link #show()} put up (from frame 0 if the animation is at its end). Where no picture
     * can be replaced it says so in one line: {@code show} has shown every frame already.
     */
    public void play() {
        if (displayId == null) {
            System.out.println("Every frame is shown above: this kernel cannot replace a picture in place.");
            return;
        }
        if (frame == lastFrame()) {
            goTo(0);
        }
        while (frame < lastFrame()) {
            pause();
            next();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(FRAME_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The animation was interrupted.", e);
        }
    }

    // ---------------------------------------------------------------- HTML

    /** The current frame, and below it every frame folded, with the current frame's text as plain text. */
    private Map<String, String> bundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", frameHtml(frame) + allFramesHtml(false));
        bundle.put("text/plain", String.join("\n", BackwardFrameText.lines(trace, frame)));
        return bundle;
    }

    /** One frame's picture as HTML. */
    String frameHtml(int k) {
        return "<div style=\"max-width:" + GraphDrawing.PAGE_WIDTH + "px\">" + BackwardFrameSvg.svg(trace, k) + "</div>";
    }

    /**
     * Every frame's picture, numbered (each picture's first line names its frame), in a
     * {@code <details>} element: folded under the live picture, open where it is all there is.
     */
    String allFramesHtml(boolean open) {
        StringBuilder html = new StringBuilder();
        html.append("<details").append(open ? " open" : "").append("><summary>The backward pass as ")
                .append(lastFrame() + 1).append(" numbered frames, 0 to ").append(lastFrame())
                .append(open ? "" : " (click to unfold)").append("</summary>\n");
        for (int k = 0; k <= lastFrame(); k++) {
            html.append(frameHtml(k)).append('\n');
        }
        return html.append("</details>").toString();
    }
}
