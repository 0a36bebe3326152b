export type { Goal, GoalCheck, GoalCheckType, GoalResult, GoalWorld, HttpOutcome, HttpVia, KObject, Labels } from './types.js';
export { evaluateGoal, evaluateGoals, podStatusText, podIsReady, readyEndpoints, readPath, cpuMillis, matchesLabels, formatSelector, envFromSpec } from './evaluate.js';
