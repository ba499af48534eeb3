/**
 * A tiny character-level GPT on the scalar {@link gradkit.engine.Value} engine, with the
 * architecture of Karpathy's microgpt: notebook 07's capstone.
 *
 * <pre>{@code
 * List<String> words = Documents.wordList(42L);                       // the kit's word list, a-z only
 * Vocabulary vocabulary = Vocabulary.of(words);
 * List<int[]> documents = vocabulary.encodeAll(words);                 // [BOS] + characters + [BOS]
 * Gpt model = new Gpt(Parameters.init(GptConfig.defaults(vocabulary.size()), 42L));
 * double[] losses = new GptTrainer(model, documents).train(1000, System.out, 100);
 * new Sampler(model, vocabulary).samples(20, 0.5, 7L);                 // twenty new words
 * }</pre>
 *
 * <p>The pieces, one class each: {@link gradkit.gpt.Vocabulary} and {@link gradkit.gpt.Documents}
 * (the data), {@link gradkit.gpt.GptConfig} and {@link gradkit.gpt.Parameters} (the named
 * matrices; {@link gradkit.gpt.ParametersJson} saves and loads them), {@link gradkit.gpt.Linear},
 * {@link gradkit.gpt.RmsNorm}, {@link gradkit.gpt.AttentionHead}, {@link gradkit.gpt.AttentionBlock},
 * {@link gradkit.gpt.MlpBlock} and {@link gradkit.gpt.Gpt} (the forward pass, keys and values in a
 * {@link gradkit.gpt.KeyValueCache}), {@link gradkit.gpt.Adam} and {@link gradkit.gpt.GptTrainer}
 * (training), {@link gradkit.gpt.Sampler}, {@link gradkit.gpt.NgramBaseline} (unigram and bigram
 * losses to compare with) and {@link gradkit.gpt.GptBenchmark} ({@code ./kit gpt-bench}).
 * Softmax and cross-entropy are the engine's own ({@link gradkit.engine.Value#softmax},
 * {@link gradkit.nn.Loss#crossEntropy}).
 */
package gradkit.gpt;
