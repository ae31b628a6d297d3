// Danger signs: the factors research links to serious harm, marked privately, beside the flags her
// own log raises; her earlier checks; and what an IDVA's risk assessment is. Its three screens switch
// in memory, like the app's views: nothing in history, nothing in the URL.
import './risk.css';
import { useState } from 'preact/hooks';
import type { Answers } from './history';
import { assessments, checks } from './repository';
import { useRecords } from './state';
import { AssessmentsView } from './ui/AssessmentsView';
import { HistoryView } from './ui/HistoryView';
import { SignsView } from './ui/SignsView';

export interface RiskScreenProps {
  onHome: () => void;
  onHelplines: () => void;
}

type Part = 'signs' | 'history' | 'assessments';

export function RiskScreen({ onHome, onHelplines }: RiskScreenProps) {
  const [part, setPart] = useState<Part>('signs');
  // Bumped after each save, so the lists load again.
  const [version, setVersion] = useState(0);
  const saved = () => setVersion((v) => v + 1);
  const savedChecks = useRecords(checks, version);
  const savedAssessments = useRecords(assessments, version);
  const [answers, setAnswers] = useState<Answers | null>(null);
  const back = () => setPart('signs');

  switch (part) {
    case 'history':
      return <HistoryView saved={savedChecks} onBack={back} />;
    case 'assessments':
      return <AssessmentsView saved={savedAssessments} onSaved={saved} onBack={back} onHelplines={onHelplines} />;
    case 'signs':
      return <SignsView saved={savedChecks} onSaved={saved} onHome={onHome} onHistory={() => setPart('history')} onAssessments={() => setPart('assessments')} answers={answers} onAnswers={setAnswers} />;
  }
}
