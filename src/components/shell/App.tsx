/**
 * The page layout: it only places the panels. Each panel renders store state and dispatches
 * actions. At 1280×800 the explorer's main job fits one screen (top bar; input | network chain;
 * selected layer | readouts; measures); the details of each view follow below it. The explorer
 * is the Explore tab: the training studio, export, saved work and the classroom link are tabs
 * that replace it under the top bar when open (`p=` in the URL; Tabs.tsx); it stays mounted.
 */
import { useExplorer } from '../../app/explorer/store';
import { ComparePanel } from '../explorer/ComparePanel';
import { InputPanel } from '../inputs/InputPanel';
import { LayerChain } from '../explorer/LayerChain';
import { EvolutionPanel, LayerDetails } from '../explorer/LayerStrip';
import { MetricsDetails, MetricsPanel } from '../explorer/MetricsPanel';
import { Readouts } from '../explorer/Readouts';
import { Caption } from '../explorer/Caption';
import { StackBuilder } from '../stack/StackBuilder';
import { FormulaNote } from '../teaching/Formula';
import { LessonPanel } from '../teaching/LessonPanel';
import { ExplorePanel, TabPanels, useShownPanel } from './Tabs';
import { TopBar } from './TopBar';
import './topbar.css';
import '../explorer/chain.css';
import './layout.css';

export function App() {
  // 64×64 digit states need a wider layer view (≥ 4 device pixels per cell): the readouts stack.
  // A dataset of 5 or 6 qubits (32×32, 64×64 states) takes the digits layout.
  const task = useExplorer((s) => (s.stack.dataset && s.stack.dataset.nQubits >= 5 ? 'digits' : s.stack.task));
  const shown = useShownPanel();
  return (
    <div className={shown === null ? 'app' : 'app tab-open'}>
      <TopBar />
      <ExplorePanel>
        <LessonPanel />
        <main className={`one-screen task-${task}`} aria-label="Explorer">
          <div className="area-input" data-region="input">
            <InputPanel />
          </div>
          <div className="area-caption">
            <Caption />
          </div>
          <div className="area-chain" data-region="chain">
            <LayerChain />
          </div>
          <div className="area-layer" data-region="layer-view">
            <EvolutionPanel />
          </div>
          <div className="area-readouts" data-region="readouts">
            <Readouts />
            <FormulaNote id="readout" label="readout formula" />
          </div>
          <div className="area-measures" data-region="measures">
            <MetricsPanel />
          </div>
        </main>
        <div className="explorer-details" aria-label="Details of the explorer's views" role="region">
          <div data-region="block-details">
            <FormulaNote id="block" label="the block's formulas" />
            <StackBuilder />
          </div>
          <LayerDetails />
          <ComparePanel />
          <MetricsDetails />
        </div>
      </ExplorePanel>
      <TabPanels />
    </div>
  );
}
