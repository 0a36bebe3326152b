# kubectl run -o yaml/json/name prints the pod (run.go BasicPod for --dry-run=client: container named after the pod,
# resources {}, dnsPolicy ClusterFirst; no creationTimestamp in 1.34) instead of the "created" line.
minikube start > /dev/null
kubectl run x --image=nginx --dry-run=client -o yaml
kubectl run x --image=nginx --port=80 --env=A=b --labels=app=x,tier=y --dry-run=client -o json -- sleep 10
kubectl run y --image=nginx -o name
kubectl run z --image=busybox --restart=Never --command --dry-run=client -o yaml -- sleep 3600
