# kubectl patch (strategic, merge, json, YAML patches, no-change, errors) and rollout undo of a paused Deployment.
minikube start > /dev/null
kubectl create deployment web --image=nginx > /dev/null
kubectl patch deployment web -p '{"spec":{"replicas":2}}'
kubectl patch deployment web -p '{"spec":{"replicas":2}}'
kubectl patch deploy/web --type=merge -p '{"metadata":{"labels":{"tier":"fe"}}}'
kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3}]'
kubectl patch deploy web -p 'spec: {progressDeadlineSeconds: 30}'
kubectl patch deploy web -p '{"spec":{"foo":1}}'
kubectl patch deploy web -p '{"spec":{"replicas":"x"}}'
kubectl patch deploy web -p '{"spec":'
kubectl patch deploy nope -p '{}'
kubectl patch deploy web
kubectl patch deploy web -p '{}' --type=bad
kubectl patch svc kubernetes -p '{"spec":{"type":"NodePort"}}'
kubectl get deploy web
kubectl set image deploy/web nginx=nginx:1.27 > /dev/null
kubectl rollout pause deploy/web
kubectl rollout undo deploy/web --to-revision=7
kubectl rollout undo deploy/web
kubectl rollout resume deploy/web
kubectl rollout undo deploy/web
kubectl label deploy nope web a=b
kubectl scale deploy nope web --replicas=2
