package gradkit.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.check.GradCheckResult;
import gradkit.check.GradientChecker;
import gradkit.check.Verdict;
import gradkit.engine.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole model: gradients, a wrong rule caught, training beating the bigram model, determinism, saving. */
class GptTest {

    /** Words whose letters depend on more than the previous one: a bigram model cannot tell them apart. */
    static final List<String> WORDS = List.of("abcd", "abdc", "bacd", "badc", "cdab", "cdba", "dcab", "dcba",
            "acbd", "bdac");

    static final Vocabulary VOCABULARY = Vocabulary.of(WORDS);
    static final List<int[]> DOCUMENTS = VOCABULARY.encodeAll(WORDS);
    /** Vocabulary 5 (a-d and BOS), width 4, 2 heads of 2, one layer, 4 positions: 212 weights. */
    static final GptConfig TINY = new GptConfig(VOCABULARY.size(), 4, 2, 1, 4);

    @Test
    void wholeModelGradientCheckPasses() {
        Gpt model = new Gpt(Parameters.init(TINY, 5L));
        int[] tokens = VOCABULARY.encode("cdab");
        GradCheckResult result = GradientChecker.defaults().checkParameters(model.parameters().all(),
                () -> model.loss(tokens));
        result.assertPassed();
        assertEquals(model.parameters().count(), result.entries().size(), "every weight is checked");
        assertEquals(result.entries().size(), result.count(Verdict.PASS) + result.count(Verdict.KINK_PASS));
    }

    /** A head whose score has the right value but backpropagates −1 times the right gradient. */
    static final class WrongScoreGradient extends AttentionHead {
        WrongScoreGradient(int headDim) {
            super(headDim);
        }

        @Override
        Value score(List<Value> q, List<Value> k) {
            Value s = super.score(q, k);
            Value detached = Value.of(s.data());          // the same number, no way back into the graph
            return s.add(s.sub(detached).mul(-2.0));      // value s exactly; gradient s' - 2 s' = -s'
        }
    }

    @Test
    void aWrongRuleInsideAttentionIsCaught() {
        Parameters parameters = Parameters.init(TINY, 5L);
        Gpt broken = new Gpt(parameters, new WrongScoreGradient(TINY.headDim()));
        int[] tokens = VOCABULARY.encode("cdab");
        assertEquals(new Gpt(parameters).loss(tokens).data(), broken.loss(tokens).data(), 0.0,
                "the planted rule changes no value, only gradients");
        GradCheckResult result = GradientChecker.defaults().checkParameters(parameters.all(), () -> broken.loss(tokens));
        assertFalse(result.passed(), "the checker must catch the wrong score gradient");
        // the queries' and keys' weights reach the loss only through the scores: they must be among the failures
        List<Value> wq = List.of(parameters.matrix("layer0.attn_wq")[0]);
        List<Value> all = parameters.all();
        boolean queryWeightFails = result.failures().stream().anyMatch(e -> wq.contains(all.get(e.index())));
        assertTrue(queryWeightFails, () -> "a weight of attn_wq row 0 should fail:\n" + result);
    }

    @Test
    void oneAttentionHeadByFiniteDifferences() {
        // q (2 numbers), three keys and three values (2 each): 14 inputs; output weighted by fixed numbers
        double[] c = {0.9, -1.4};
        GradientChecker.defaults().check(x -> {
            List<List<Value>> keys = new ArrayList<>();
            List<List<Value>> values = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                keys.add(List.of(x[2 + 2 * t], x[3 + 2 * t]));
                values.add(List.of(x[8 + 2 * t], x[9 + 2 * t]));
            }
            List<Value> out = new AttentionHead(2).forward(List.of(x[0], x[1]), keys, values);
            return out.get(0).mul(c[0]).add(out.get(1).mul(c[1]));
        }, 0.3, -1.1, 0.5, 0.2, -0.7, 1.3, 0.1, -0.4, 1.0, -2.0, 0.5, 0.25, -1.5, 0.75).assertPassed();
    }

    @Test
    void attentionIsCausal() {
        Gpt model = new Gpt(Parameters.init(TINY, 5L));
        KeyValueCache a = model.newCache();
        KeyValueCache b = model.newCache();
        int bos = VOCABULARY.bos();
        double first = model.logits(bos, 0, a).get(2).data();
        assertEquals(first, model.logits(bos, 0, b).get(2).data(), 0.0);
        double second = model.logits(0, 1, a).get(2).data();
        assertNotEquals(second, model.logits(3, 1, b).get(2).data(), "a different token changes what follows it");
        assertEquals(2, a.length(0));
    }

    @Test
    void threeHundredStepsBeatTheBigramModel() {
        Gpt model = new Gpt(Parameters.init(GptConfig.defaults(VOCABULARY.size()), 42L));
        double bigram = NgramBaseline.bigram(DOCUMENTS, VOCABULARY.size(), 16).meanLoss(DOCUMENTS, 16);
        double unigram = NgramBaseline.unigram(DOCUMENTS, VOCABULARY.size(), 16).meanLoss(DOCUMENTS, 16);
        double before = model.meanLoss(DOCUMENTS);
        new GptTrainer(model, DOCUMENTS).train(300, null, 100);
        double after = model.meanLoss(DOCUMENTS);
        assertTrue(bigram < unigram, "the bigram model " + bigram + " beats the unigram model " + unigram);
        assertTrue(after < bigram, "after 300 steps the GPT's loss " + after + " (from " + before
                + ") should be below the bigram model's " + bigram);
    }

    @Test
    void twoRunsWithOneSeedAreIdentical() {
        double[][] losses = new double[2][];
        double[][] weights = new double[2][];
        List<List<String>> samples = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Gpt model = new Gpt(Parameters.init(TINY, 9L));
            losses[run] = new GptTrainer(model, DOCUMENTS).train(30, null, 30);
            weights[run] = model.parameters().snapshot();
            samples.add(new Sampler(model, VOCABULARY).samples(10, 0.8, 3L));
        }
        assertArrayEquals(losses[0], losses[1], 0.0);
        assertArrayEquals(weights[0], weights[1], 0.0);
        assertEquals(samples.get(0), samples.get(1));
    }

    @Test
    void savedAndLoadedWeightsGiveIdenticalLosses(@TempDir Path folder) {
        Gpt model = new Gpt(Parameters.init(TINY, 9L));
        new GptTrainer(model, DOCUMENTS).train(20, null, 20);
        Path file = folder.resolve("gpt.json");
        ParametersJson.save(model.parameters(), file);
        Gpt loaded = new Gpt(ParametersJson.load(file));
        for (int[] tokens : DOCUMENTS) {
            assertEquals(model.loss(tokens).data(), loaded.loss(tokens).data(), 0.0);
        }
        // and training goes on identically from the loaded weights
        double[] a = new GptTrainer(model, DOCUMENTS).train(5, null, 5);
        double[] b = new GptTrainer(loaded, DOCUMENTS).train(5, null, 5);
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void samplingStopsAtBosAndFollowsTheSeed() {
        Gpt model = new Gpt(Parameters.init(GptConfig.defaults(VOCABULARY.size()), 42L));
        new GptTrainer(model, DOCUMENTS).train(300, null, 300);
        Sampler sampler = new Sampler(model, VOCABULARY);
        List<String> cold = sampler.samples(20, 0.1, 1L);
        assertEquals(cold, sampler.samples(20, 0.1, 1L));
        long known = cold.stream().filter(WORDS::contains).count();
        assertTrue(known >= 15, "at temperature 0.1 a model that learned ten words mostly repeats them: " + cold);
        for (String word : sampler.samples(50, 2.0, 2L)) {
            assertTrue(word.length() < 16 && word.matches("[a-d]*"), word);
        }
        assertThrows(IllegalArgumentException.class, () -> sampler.samples(1, 0.0, 1L));
    }
}
