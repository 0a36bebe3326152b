# kubectl fidelity: the v1 Endpoints deprecation warning comes first (stderr, before the table / describe),
# describe endpoints prints its Subsets block, and delete prints what it deleted before the NotFound errors.
minikube start > /dev/null
kubectl get endpoints
kubectl describe endpoints kubernetes
kubectl describe ep -n kube-system kube-dns
kubectl create deployment web --image=nginx > /dev/null
kubectl create deployment web2 --image=nginx > /dev/null
kubectl delete deploy nope web web2
kubectl delete pods --all
kubectl delete pods -l app=zzz
kubectl create deployment web3 --image=nginx > /dev/null
kubectl expose deploy web3 --port=80 > /dev/null
kubectl label ep web3 a=b
kubectl delete endpoints web3
kubectl describe endpointslices -n kube-system
