minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=k > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
kubectl label deployment llmops-app tier=web
kubectl label deployment llmops-app tier=backend
kubectl label deployment llmops-app tier=backend --overwrite
kubectl get deploy --show-labels
kubectl label deployment llmops-app tier-
kubectl annotate deployment llmops-app owner=team-ml
kubectl describe deploy llmops-app | grep -A 2 Annotations
# hostile text stays text: printed as typed, JSON-escaped as encoding/json does
kubectl annotate deployment llmops-app note='<img src=x onerror=alert(1)>'
kubectl get deploy llmops-app -o jsonpath='{.metadata.annotations.note}'; echo
kubectl get deploy llmops-app -o json | grep '"note"'
kubectl label deployment llmops-app 'bad=<b>'
kubectl expose deployment llmops-app --name=llmops-nodeport --type=NodePort --port=80 --target-port=8501
kubectl get svc
kubectl expose deployment llmops-app --port=80 --type=Loadbalancer --name=x
kubectl create deployment web --image=nginx --replicas=2
kubectl create service clusterip web --tcp=80:80
kubectl get deploy,svc
