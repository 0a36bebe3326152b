export type { Goal, GoalCheck, GoalCheckType, GoalResult, GoalWorld, HttpOutcome, HttpVia, KObject, Labels } from './types.js';
export { goalWorldFromShell, targetUrl, outcomeOf, type NetResultLike, type WorldLike, type StoreLike, type Requester } from './adapter.js';
export { evaluateGoal, evaluateGoals, podStatusText, podIsReady, readyEndpoints, readPath, cpuMillis, matchesLabels, formatSelector, envFromSpec } from './evaluate.js';
