/**
 * Test accuracy per kind (the state families of the data: product, Bell, Werner, dephased
 * partners, … or an imported dataset's `kinds`, docs/math.md §11): perKindAccuracy of the core,
 * the figure `hqrn evaluate` prints as "perKind". Shown for the main run when the engine sent the
 * test states' kinds.
 */
import { useTraining } from '../../app/training/store';
import { perKindAccuracy } from '../../core/states/figures';

export function PerKindTable() {
  const s = useTraining((st) => st.summaries[0]);
  if (!s?.testKinds || !s.testPredictions || !s.testLabels || s.testKinds.length !== s.testPredictions.length) return null;
  const per = perKindAccuracy(s.testPredictions, s.testLabels, s.testKinds);
  return (
    <table className="train-table" data-testid="per-kind-accuracy">
      <caption>Test accuracy per kind ({s.label})</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Test states</th>
          <th scope="col">Accuracy (0–1)</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(per).map(([kind, v]) => (
          <tr key={kind}>
            <th scope="row">{kind}</th>
            <td>{v.n}</td>
            <td>{v.accuracy.toFixed(4)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
