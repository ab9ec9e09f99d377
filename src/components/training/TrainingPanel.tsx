/**
 * The training studio: settings, the paper's presets, Play / Pause /
 * Step / Cancel / Reset with a progress bar, live d3 plots and the final figures. Every run
 * goes to the engine worker (src/app/training/store.ts); this panel only draws.
 */
import { useTraining } from '../../app/training/store';
import { FinalFigures, TransferCheck, UseInExplorer } from './FinalFigures';
import { PresetButtons, TrainingControls, TrainingProgress } from './TrainingControls';
import { ReproduceRun } from './ReproduceRun';
import { Studies } from './Studies';
import { SweepBuilder } from './SweepBuilder';
import { ReproducePaper } from './ReproducePaper';
import { TrainingForm } from './TrainingForm';
import { AdversarialChart, ConfusionMatrix, DepthChart, EpochCharts } from './TrainingPlots';
import '../../viz/charts/training.css';

export function TrainingPanel() {
  const result = useTraining((s) => s.result);
  const task = useTraining((s) => s.summaries[0]?.request.task ?? s.request?.task);
  return (
    <>
      {/* the sweep and the paper's figure: their own regions below the studio */}
      <section className="training-panel" aria-labelledby="training-heading">
        <h2 id="training-heading">Training studio</h2>
        <p className="train-hint">Train, transfer and compare in this tab: all training runs in the engine worker; the page only draws what it reports.</p>
        <PresetButtons />
        <ReproduceRun />
        <div className="train-top">
          <TrainingForm />
          <div className="train-run">
            <TrainingControls />
            <TrainingProgress />
            <TransferCheck />
          </div>
        </div>
        <div className="train-plots">
          <EpochCharts />
          <DepthChart />
          <AdversarialChart />
          <ConfusionMatrix result={result} task={task} />
        </div>
        <FinalFigures />
        <UseInExplorer />
        <Studies />
      </section>
      <SweepBuilder />
      <ReproducePaper />
    </>
  );
}
