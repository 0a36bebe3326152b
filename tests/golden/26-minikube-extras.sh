minikube addons list
minikube start > /dev/null
minikube addons list
minikube dashboard
minikube service llmops-service --url
kubectl create deployment web --image=nginx > /dev/null
kubectl expose deployment web --type=NodePort --port=80 > /dev/null
kubectl rollout status deployment/web
minikube service web --url
minikube service web
minikube service list
minikube tunnel &
minikube tunnel
minikube image rm gcr.io/k8s-minikube/storage-provisioner:v5
minikube image ls | head -n 2
minikube frob
