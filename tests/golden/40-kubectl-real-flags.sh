# Every flag the real command accepts parses (types read from its --help): no 'unknown flag' for --chunk-size,
# --cascade, --server-side …; --ignore-not-found, --show-kind and logs --prefix act as kubectl's do.
minikube start > /dev/null
kubectl get pods --ignore-not-found nope
kubectl get pods --ignore-not-found
kubectl get pods -A --chunk-size=100 --show-kind -l k8s-app=kube-dns
kubectl run x --image=busybox --restart=Never -- echo hi > /dev/null
sleep 10
kubectl logs --prefix x
kubectl logs --prefix -l run=x
kubectl delete pod x --cascade=foreground --timeout=30s
kubectl get pods --chunk-size
