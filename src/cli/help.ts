/** The `hqrn` usage text and `hqrn help COMMAND` (docs/math.md §10, §11). */

const TRAIN_OPTIONS = `  --data FILE          a dataset (.json, .npz, .npy with --labels L.npy, .csv; docs/math.md §11)
  --task entanglement|digits   the built-in §7 generators instead (--n-train N --n-test N)
  --test FILE | --test-share f  held-out data (default --test-share 0.2, seeded and stratified)
  --depth K --alpha A --activation relu|softplus|sigmoid|exp --mode greedy|end-to-end
  --epochs N (per block for greedy) --lr X --batch B --seed K
  --nearest-state      use the nearest state of any finite matrix (reported)
  --skip-refused       leave out states outside the tolerance (reported) instead of refusing the file
  --date ISO|none      the run card's date (default now; SOURCE_DATE_EPOCH fixes it)
  --shots N            refused: finite-shot training has no gradient here; evaluate with shots instead`;

export const COMMAND_HELP: Record<string, string> = {
  forward: `hqrn forward --model M.json --state S.json [--shots N --seed K] [--nearest-state]
  Per layer: the quantum-path ρ, the classical-path x, measures and dead flags (docs/math.md §2, §3, §8).`,
  predict: `hqrn predict --model M.json --states BATCH.json [--nearest-state]
hqrn predict --model M.json --image DIGIT.png
  Class probabilities, "predicted" class indices and their "classNames" (the model's readout classes).`,
  transfer: `hqrn transfer --model CLASSICAL.json
  The quantum model of a classical one (docs/math.md §4), with each dilation's unitarity error.`,
  measures: `hqrn measures --state S.json [--nearest-state]
  Trace, purity, entropy, coherence; concurrence, negativity and PPT for two qubits (docs/math.md §8).`,
  dataset: `hqrn dataset entanglement|digits --seed K --n N [--split train|test]
  A labelled JSON dataset from the §7 generators (states, labels, kinds).`,
  qasm: `hqrn qasm --model M.json [--order 1|2] [--steps r]
  The OpenQASM 3 program of a quantum model (docs/math.md §4).`,
  train: `hqrn train (--data FILE | --task entanglement|digits) [options] --out MODEL.json
  Trains on the float64 core (greedy layer-wise by default) and writes the model with its run card;
  the training and test figures go to stdout as JSON, progress to stderr.
${TRAIN_OPTIONS}`,
  evaluate: `hqrn evaluate --model M.json --data D [--labels L.npy] [--shots N --seed K] [--nearest-state] [--skip-refused]
  {"n", "accuracy", "balancedAccuracy", "classes", "confusion" (rows = true class), "perKind"?, "run"}.`,
  sweep: `hqrn sweep [train options, any of them a comma list] [--jobs J] [--out DIR] [--csv FILE]
  e.g. hqrn sweep --task entanglement --alpha 0.3,0.5,0.7 --depth 1,2,4 --seed 1,2,3
  Every combination is one training run (in parallel over the cores, --jobs); progress and time left on
  stderr; stdout: {"runs": [...one run card each], "table": [mean ± std over seeds]}; --out DIR writes each
  model with its run card; --csv FILE the table.
  Split across machines: --commands FILE writes one "hqrn train … --out run-NNN.json" line per run (nothing
  trained; run the lines with any job runner), then --collect DIR [--csv FILE] tabulates the model files.`,
  reproduce: `hqrn reproduce entanglement|digits --out DIR [--quick] [--seed K]
  entanglement: accuracy vs depth (greedy) with the dephased / marginal adversarial subsets;
  digits: quantum vs its classical analog (agreement, correspondence theorem §3) vs depth.
  Writes DIR/<task>.csv, DIR/<task>.svg and DIR/<task>-run.json (run cards); --quick is CI-sized.`,
  help: `hqrn help COMMAND     this text for one command`,
};

export const USAGE = `usage:
  hqrn forward --model M.json --state S.json [--shots N --seed K] [--nearest-state]
  hqrn predict --model M.json --states BATCH.json [--nearest-state]
  hqrn predict --model M.json --image DIGIT.png
  hqrn transfer --model CLASSICAL.json
  hqrn measures --state S.json [--nearest-state]
  hqrn dataset entanglement|digits --seed K --n N [--split train|test]
  hqrn qasm --model M.json [--order 1|2] [--steps r]
  hqrn train (--data FILE | --task entanglement|digits) [settings] --out MODEL.json
  hqrn evaluate --model M.json --data D
  hqrn sweep [settings as comma lists] [--jobs J] [--out DIR] [--csv FILE]
  hqrn reproduce entanglement|digits --out DIR [--quick]
  hqrn help COMMAND | hqrn --version
States are accepted within 1e-6 of Hermitian / trace 1 / PSD and used as their nearest state
("nearestState": {"traceDistance": t} in the output when that moved them by t > 1e-12);
--nearest-state projects any finite matrix of the right size.`;
