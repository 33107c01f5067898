// Phones: every node's fault switches in a list under the graph, at page scale. The graph there is
// drawn at about 0.45×, which leaves its own buttons a few pixels tall — too small to hit with a
// finger (WCAG 2.5.8 asks for 24 × 24 px); the graph hides them (graph.css) and this list is where
// they are. The same components as in the nodes, so the menu, names and keys are the same.
import { useT } from '../../i18n/i18nStore';
import '../../i18n/messages.details.en';
import { useSide } from '../../state/SideContext';
import { scenarioTexts, useLang } from '../narrative/localize';
import { FaultMenu } from './FaultMenu';
import { netLinks } from './links';
import { NodeFaultButtons } from './NodeFaultButtons';

export default function NodeFaultList() {
  const { scenario } = useSide();
  const t = useT();
  const title = scenarioTexts(scenario, useLang()).title;
  const links = netLinks(scenario);
  // A client has nothing to switch but its links.
  const nodes = scenario.nodes.filter((n) => n.kind !== 'client' || links.some((l) => l.a === n.id || l.b === n.id));
  return (
    <section className="lab-faultlist" aria-label={t('faults.list', { title })} data-testid={`fault-list-${scenario.id}`}>
      <h3 className="lab-faultlist__title">{t('faults.button')}</h3>
      <ul className="lab-faultlist__nodes">
        {nodes.map((n) => (
          <li key={n.id} className={`lab-faultlist__node lab-faultlist__node--${n.kind}`}>
            <span className="lab-faultlist__name">{n.label}</span>
            {n.kind === 'service' ? <NodeFaultButtons nodeId={n.id} label={n.label} /> : <FaultMenu nodeId={n.id} label={n.label} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
