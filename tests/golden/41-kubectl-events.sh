# kubectl events (1.26+): sorted by when each event last happened, OBJECT as Kind/name, --for and --types filters.
minikube start > /dev/null
kubectl create deployment web --image=nginx:nope > /dev/null
sleep 30
kubectl events
kubectl events --for deploy/web
kubectl events --types=Warning
kubectl events -n kube-public
kubectl describe ns nope default
kubectl describe ns kube-public
