minikube start > /dev/null
kubectl get endpoint
kubectl get foo
kubectl get pod nope
kubectl get deploy nope
kubectl get
kubectl frobnicate
kubectl gett pods
kubectl get pods --bogus
kubectl get pods -z
kubectl get pods -n
kubectl logs
kubectl scale deployment x --replicas=abc
kubectl describe
kubectl apply
kubectl apply -f nothing.yaml
kubectl exec nope env
kubectl rollout
