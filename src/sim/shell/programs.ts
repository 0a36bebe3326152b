// The programs on the workstation's PATH besides the shell's own builtins.
import type { Program } from './types';
import { kubectl } from '../kubectl/kubectl';
import { minikube } from '../minikube/minikube';
import { docker } from '../docker/docker';
import { curl } from '../curl/curl';

export const PROGRAMS: Record<string, Program> = { kubectl, minikube, docker, curl };
